package id.go.cilegon.juare.dashboard.backend;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.Serializable;

/** The signed-in staff member as the backend's login answered. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StaffAccount(String id, String username, String displayName, StaffRole role, Opd opd, String shift)
        implements Serializable {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Opd(String code, String name) implements Serializable {
    }
}
