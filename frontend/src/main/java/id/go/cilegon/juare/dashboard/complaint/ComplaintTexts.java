package id.go.cilegon.juare.dashboard.complaint;

import java.io.Serializable;

/**
 * Words for complaint values, from the complaint translations: statuses, event types, reject reasons, countdowns.
 * Takes the screen's {@code getTranslation} so it can be tested with the translation provider alone.
 */
public final class ComplaintTexts implements Serializable {

    /** {@code Component::getTranslation} or {@code (key, params) -> provider.getTranslation(key, locale, params)}. */
    @FunctionalInterface
    public interface Translator extends Serializable {
        String translate(String key, Object... params);
    }

    private final Translator t;

    public ComplaintTexts(Translator translator) {
        this.t = translator;
    }

    public String status(String status) {
        return status == null ? "" : t.translate("complaint.status." + status);
    }

    public String eventType(String type) {
        return type == null ? "" : t.translate("complaint.event." + type);
    }

    public String rejectReason(RejectReason reason) {
        return t.translate(reason.labelKey());
    }

    public String rejectReason(String reason) {
        try {
            return reason == null ? "" : rejectReason(RejectReason.valueOf(reason));
        } catch (IllegalArgumentException unknown) {
            return reason;
        }
    }

    public String photoKind(String kind) {
        return kind == null ? "" : t.translate("complaint.photoKind." + kind);
    }

    /** "3 jam 5 mnt": the two largest units that matter. */
    public String duration(Countdown.Parts parts) {
        if (parts.days() > 0) {
            return parts.hours() > 0
                    ? t.translate("complaint.unit.days", parts.days()) + " " + t.translate("complaint.unit.hours", parts.hours())
                    : t.translate("complaint.unit.days", parts.days());
        }
        if (parts.hours() > 0) {
            return parts.minutes() > 0
                    ? t.translate("complaint.unit.hours", parts.hours()) + " " + t.translate("complaint.unit.minutes", parts.minutes())
                    : t.translate("complaint.unit.hours", parts.hours());
        }
        return t.translate("complaint.unit.minutes", parts.minutes());
    }

    /** "Balasan: 3 jam 5 mnt lagi" / "Penanganan: terlambat 2 jam"; empty when no clock runs. */
    public String countdown(Countdown countdown) {
        if (!countdown.running()) {
            return "";
        }
        String amount = duration(countdown.parts());
        String time = countdown.level() == Countdown.Level.OVERDUE
                ? t.translate("complaint.countdown.overdue", amount)
                : t.translate("complaint.countdown.left", amount);
        return t.translate("complaint.countdown.label", t.translate("complaint.countdown." + countdown.clock().name()), time);
    }

    /**
     * A refusal's text in the user's language: the backend's message as it came (the backend answers in the language
     * the dashboard sends, one at a time: docs/adr/0031), or the dashboard's own words for its own checks.
     */
    public String message(ComplaintRefused refused) {
        if (refused.textKey() != null) {
            return t.translate(refused.textKey(), refused.textArgs());
        }
        return refused.userMessage() == null ? "" : refused.userMessage();
    }

    /** A refused action in words: our text for the codes a screen handles, else the backend's own message. */
    public String refusal(ComplaintRefused refused) {
        if (refused.isConflict()) {
            return t.translate("complaint.error.CONFLICT");
        }
        if ("INVALID_TRANSITION".equals(refused.code())) {
            return t.translate("complaint.error.INVALID_TRANSITION");
        }
        return t.translate("complaint.error.refused", message(refused));
    }
}
