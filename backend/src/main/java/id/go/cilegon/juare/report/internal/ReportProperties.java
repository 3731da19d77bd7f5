package id.go.cilegon.juare.report.internal;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The daily report.
 *
 * @param dailyTime  when (WIB) yesterday's report is made and sent each morning
 * @param recipients staff usernames that get the PDF by WhatsApp (their stored phone numbers)
 * @param checkEvery how often each instance looks whether the report is due (and missing)
 * @param enabled    off in tests that drive the job themselves
 */
@ConfigurationProperties("juare.report")
record ReportProperties(LocalTime dailyTime, List<String> recipients, Duration checkEvery, Boolean enabled) {

    ReportProperties {
        dailyTime = dailyTime == null ? LocalTime.of(7, 0) : dailyTime;
        recipients = recipients == null ? List.of("walikota", "diskominfo") : recipients.stream()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
        checkEvery = checkEvery == null ? Duration.ofMinutes(1) : checkEvery;
        enabled = enabled == null ? Boolean.TRUE : enabled;
    }
}
