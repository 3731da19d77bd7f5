package id.go.cilegon.juare.dashboard.complaint.ui;

import com.vaadin.flow.component.HasValidation;
import id.go.cilegon.juare.dashboard.complaint.ComplaintRefused;
import id.go.cilegon.juare.dashboard.complaint.ComplaintTexts;
import id.go.cilegon.juare.graphql.ReplyRule;

/**
 * A reply's or note's refusal shown on the field, in the user's language: the dashboard's own check (ReplyRule, the
 * backend's rule, with its default minimum) before sending, and the backend's refusal of that field after.
 */
final class FieldRefusal {

    private FieldRefusal() {
    }

    /** The backend's minimum by default; the backend's own refusal covers a differently configured one. */
    static final int MIN_REPLY_CHARACTERS = ReplyRule.DEFAULT_MIN_CHARACTERS;

    /** Checks an answer to a resident before it is sent; false (and the field marked) when too short. */
    static boolean realAnswer(HasValidation field, String text, ComplaintTexts.Translator t) {
        field.setManualValidation(true);
        if (ReplyRule.tooShort(text, MIN_REPLY_CHARACTERS)) {
            show(field, t.translate("opdQueue.tooShort", MIN_REPLY_CHARACTERS));
            return false;
        }
        field.setInvalid(false);
        return true;
    }

    /** Shows the backend's refusal on the field when it names this one; true if it did. */
    static boolean shown(ComplaintRefused refused, String fieldName, HasValidation field, ComplaintTexts texts) {
        if (!fieldName.equals(refused.field())) {
            return false;
        }
        show(field, texts.message(refused));
        return true;
    }

    private static void show(HasValidation field, String message) {
        field.setManualValidation(true);
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
