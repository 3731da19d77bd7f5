package id.go.cilegon.juare.notify;

import java.util.List;

/**
 * Who at the command centre gets escalations (replies and fixes overdue): E.164 numbers from
 * {@code juare.notify.command-centre-phones}, possibly none.
 */
public record CommandCentreContacts(List<String> phones) {

    public CommandCentreContacts {
        phones = List.copyOf(phones);
    }
}
