package id.go.cilegon.juare.dashboard.admin;

import id.go.cilegon.juare.dashboard.backend.StaffRole;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The staff account dialog's values, its rules, and the backend input they become. The rules are the backend's own
 * (staff.internal.StaffService and resident.PhoneNumber), checked here first so mistakes show on the field at once;
 * the backend checks again and its errors are shown as well. Each rule answers null when fine, else a translation key.
 * The keys of {@link #problems()} are the backend's input field names, as in its errors' {@code field}.
 */
public final class StaffForm {

    /** The schema's rule for CreateStaffAccountInput.password: "At least 10 characters". */
    public static final int MIN_PASSWORD = 10;
    public static final int MIN_NAME = 2;
    public static final int MAX_NAME = 100;

    public static final String USERNAME = "username";
    public static final String DISPLAY_NAME = "displayName";
    public static final String PASSWORD = "password";
    public static final String ROLE = "role";
    public static final String OPD = "opdCode";
    public static final String PHONE = "phone";
    public static final String SHIFT = "shift";
    public static final String ACTIVE = "active";

    private static final Pattern USERNAME_PATTERN = Pattern.compile("[a-z0-9._-]{3,40}");
    /** An Indonesian mobile number for WhatsApp in E.164: +62 8[1-35-9] then 7 to 10 digits. */
    private static final Pattern E164_MOBILE = Pattern.compile("\\+628[1-35-9]\\d{7,10}");

    private final String id;
    private String username = "";
    private String displayName = "";
    private StaffRole role;
    private String opdCode;
    private String shift;
    private String phone = "";
    private String password = "";
    private boolean active = true;

    private StaffForm(String id) {
        this.id = id;
    }

    public static StaffForm newAccount() {
        return new StaffForm(null);
    }

    /** The form for editing an account: password and phone start empty (empty means "leave as it is"). */
    public static StaffForm edit(StaffMember member) {
        StaffForm form = new StaffForm(member.id());
        form.username = member.username();
        form.displayName = member.displayName();
        form.role = member.role();
        form.opdCode = member.opdCode();
        form.shift = member.shift();
        form.active = member.active();
        return form;
    }

    public boolean isNew() {
        return id == null;
    }

    public String id() {
        return id;
    }

    // ---- the rules ----

    public static boolean needsOpd(StaffRole role) {
        return role == StaffRole.OPD_RESPONDER || role == StaffRole.OPD_HEAD;
    }

    /** Only operators work in the command centre's shifts. */
    public static boolean takesShift(StaffRole role) {
        return role == StaffRole.OPERATOR;
    }

    /** Usernames are kept in lower case without surrounding spaces, as the backend stores them. */
    public static String normaliseUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    public static String checkUsername(String username) {
        return USERNAME_PATTERN.matcher(normaliseUsername(username)).matches() ? null : "admin.staff.error.username";
    }

    public static String checkDisplayName(String displayName) {
        int length = displayName == null ? 0 : displayName.strip().length();
        return length >= MIN_NAME && length <= MAX_NAME ? null : "admin.staff.error.displayName";
    }

    /** A new account needs a password; on an edit an empty one keeps the old. Either way at least {@value #MIN_PASSWORD}. */
    public static String checkPassword(String password, boolean required) {
        if ((password == null || password.isEmpty()) && !required) {
            return null;
        }
        return password != null && password.length() >= MIN_PASSWORD ? null : "admin.staff.error.password";
    }

    public static String checkRole(StaffRole role) {
        return role == null ? "admin.staff.error.role" : null;
    }

    /** OPD roles need exactly one OPD; other roles have none (the field is hidden for them). */
    public static String checkOpd(StaffRole role, String opdCode) {
        return needsOpd(role) && (opdCode == null || opdCode.isBlank()) ? "admin.staff.error.opd" : null;
    }

    /** Optional; when given, a mobile number: 08…, 62… or +62…, spaces, dots, dashes and brackets allowed. */
    public static String checkPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        return toE164(phone) == null ? "admin.staff.error.phone" : null;
    }

    /** The backend's normalisation of a mobile number, or null if it is not one. */
    static String toE164(String phone) {
        String compact = phone.replaceAll("[\\s.\\-()]", "");
        String e164;
        if (compact.startsWith("+62")) {
            e164 = compact;
        } else if (compact.startsWith("62")) {
            e164 = "+" + compact;
        } else if (compact.startsWith("0")) {
            e164 = "+62" + compact.substring(1);
        } else {
            return null;
        }
        return E164_MOBILE.matcher(e164).matches() ? e164 : null;
    }

    /** Every broken rule, by the backend's field name; empty when the form may be sent. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (isNew()) {
            put(problems, USERNAME, checkUsername(username));
        }
        put(problems, DISPLAY_NAME, checkDisplayName(displayName));
        put(problems, PASSWORD, checkPassword(password, isNew()));
        put(problems, ROLE, checkRole(role));
        put(problems, OPD, checkOpd(role, opdCode));
        put(problems, PHONE, checkPhone(phone));
        return problems;
    }

    private static void put(Map<String, String> problems, String field, String key) {
        if (key != null) {
            problems.put(field, key);
        }
    }

    // ---- what the backend gets ----

    /** CreateStaffAccountInput: the OPD only for OPD roles, the shift only for operators, the phone only if given. */
    public Map<String, Object> createInput() {
        requireValid();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put(USERNAME, normaliseUsername(username));
        input.put(DISPLAY_NAME, displayName.strip());
        input.put(PASSWORD, password);
        input.put(ROLE, role.name());
        putCommon(input);
        return input;
    }

    /**
     * UpdateStaffAccountInput. The backend leaves out what is absent, so an empty password or phone keeps the old
     * one; a role without an OPD drops the OPD on the backend's side.
     */
    public Map<String, Object> updateInput() {
        requireValid();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", id);
        input.put(DISPLAY_NAME, displayName.strip());
        input.put(ROLE, role.name());
        if (!password.isEmpty()) {
            input.put(PASSWORD, password);
        }
        putCommon(input);
        input.put(ACTIVE, active);
        return input;
    }

    private void putCommon(Map<String, Object> input) {
        if (needsOpd(role)) {
            input.put(OPD, opdCode);
        }
        if (takesShift(role) && shift != null) {
            input.put(SHIFT, shift);
        }
        if (!phone.isBlank()) {
            input.put(PHONE, phone.strip());
        }
    }

    private void requireValid() {
        Map<String, String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the form breaks the rules on " + problems.keySet());
        }
    }

    // ---- bean properties for the dialog's Binder ----

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? "" : username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName == null ? "" : displayName;
    }

    public StaffRole getRole() {
        return role;
    }

    public void setRole(StaffRole role) {
        this.role = role;
    }

    public String getOpdCode() {
        return opdCode;
    }

    public void setOpdCode(String opdCode) {
        this.opdCode = opdCode;
    }

    public String getShift() {
        return shift;
    }

    public void setShift(String shift) {
        this.shift = shift;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone == null ? "" : phone;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
