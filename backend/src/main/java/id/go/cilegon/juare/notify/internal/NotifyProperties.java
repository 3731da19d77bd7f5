package id.go.cilegon.juare.notify.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Recipients of notifications that are not residents.
 *
 * @param commandCentrePhones E.164 numbers (comma-separated in properties) that get escalations; may be empty
 */
@ConfigurationProperties("juare.notify")
record NotifyProperties(List<String> commandCentrePhones) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    NotifyProperties {
        commandCentrePhones = commandCentrePhones == null ? List.of() : commandCentrePhones.stream()
                .map(String::strip)
                .filter(phone -> !phone.isEmpty())
                .map(NotifyProperties::requireE164)
                .distinct()
                .toList();
    }

    // a typo here would silently drop escalations: refuse to start instead
    private static String requireE164(String phone) {
        if (!E164.matcher(phone).matches()) {
            throw new IllegalArgumentException("juare.notify.command-centre-phones takes E.164 numbers (+62…), "
                    + "comma-separated; got one that is not");
        }
        return phone;
    }
}
