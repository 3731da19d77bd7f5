package id.go.cilegon.juare.dashboard.commandcentre;

import java.util.List;

/**
 * A reply time as the tables show it, short: "45 m", "3 j 20 m", "2 hr 4 j" (English "3 h 20 m", "2 d 4 h"),
 * rounded to the minute; the translation key and its arguments, for the view's {@code getTranslation}.
 */
public record ReplyTime(String key, List<Integer> args) {

    public static ReplyTime of(Integer seconds) {
        if (seconds == null) {
            return new ReplyTime("cc.replyTime.none", List.of());
        }
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 1) {
            return new ReplyTime("cc.replyTime.underMinute", List.of());
        }
        if (minutes < 60) {
            return new ReplyTime("cc.replyTime.minutes", List.of((int) minutes));
        }
        if (minutes < 24 * 60) {
            return new ReplyTime("cc.replyTime.hours", List.of((int) (minutes / 60), (int) (minutes % 60)));
        }
        long hours = Math.round(minutes / 60.0);
        return new ReplyTime("cc.replyTime.days", List.of((int) (hours / 24), (int) (hours % 24)));
    }

    public Object[] params() {
        return args.toArray();
    }
}
