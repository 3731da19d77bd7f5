package id.go.cilegon.juare.dashboard.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/** The OPD dialog: its name and whether it takes complaints, with the backend's rule for the name. */
public final class OpdForm {

    public static final int MAX_NAME = 200;

    public static final String NAME = "name";
    public static final String ACTIVE = "active";

    private final String code;
    private String name;
    private boolean active;

    public OpdForm(Opd opd) {
        this.code = opd.code();
        this.name = opd.name();
        this.active = opd.active();
    }

    public String code() {
        return code;
    }

    /** 1 to {@value #MAX_NAME} characters, not only spaces. */
    public static String checkName(String name) {
        return name == null || name.isBlank() || name.strip().length() > MAX_NAME ? "admin.opd.error.name" : null;
    }

    public Map<String, String> problems() {
        String key = checkName(name);
        return key == null ? Map.of() : Map.of(NAME, key);
    }

    /** UpdateOpdInput. */
    public Map<String, Object> input() {
        if (!problems().isEmpty()) {
            throw new IllegalStateException("the form breaks the rules on " + problems().keySet());
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("code", code);
        input.put(NAME, name.strip());
        input.put(ACTIVE, active);
        return input;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
