package id.go.cilegon.juare.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The backend's {@code TemplateReplies}: the OPD's replies in the period and those judged templates (ADR 0018). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TemplateReplies(int replies, int templates, Double share) {
}
