package id.go.cilegon.juare.dashboard.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The category dialog: the default OPD and the two clocks, with the backend's bounds (agency.internal
 * AgencyAdminController: 1 to 1440 hours). The backend keeps the old default OPD when none is sent, so a category that
 * has one cannot be left without: the rule says so instead of silently keeping it.
 */
public final class CategoryForm {

    public static final int MIN_HOURS = 1;
    /** Sixty days. */
    public static final int MAX_HOURS = 24 * 60;

    public static final String DEFAULT_OPD = "defaultOpdCode";
    public static final String REPLY_HOURS = "replyHours";
    public static final String FIX_HOURS = "fixHours";

    private final String code;
    private final boolean hadDefaultOpd;
    private String defaultOpdCode;
    private Integer replyHours;
    private Integer fixHours;

    public CategoryForm(Category category) {
        this.code = category.code();
        this.hadDefaultOpd = category.defaultOpdCode() != null;
        this.defaultOpdCode = category.defaultOpdCode();
        this.replyHours = category.replyHours();
        this.fixHours = category.fixHours();
    }

    public String code() {
        return code;
    }

    /** Required, whole hours from {@value #MIN_HOURS} to {@value #MAX_HOURS}. */
    public static String checkHours(Integer hours) {
        return hours == null || hours < MIN_HOURS || hours > MAX_HOURS ? "admin.category.error.hours" : null;
    }

    /** Optional only while the category has no default OPD yet. */
    public static String checkDefaultOpd(String opdCode, boolean hadDefaultOpd) {
        return hadDefaultOpd && (opdCode == null || opdCode.isBlank()) ? "admin.category.error.defaultOpd" : null;
    }

    public boolean hadDefaultOpd() {
        return hadDefaultOpd;
    }

    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        put(problems, DEFAULT_OPD, checkDefaultOpd(defaultOpdCode, hadDefaultOpd));
        put(problems, REPLY_HOURS, checkHours(replyHours));
        put(problems, FIX_HOURS, checkHours(fixHours));
        return problems;
    }

    private static void put(Map<String, String> problems, String field, String key) {
        if (key != null) {
            problems.put(field, key);
        }
    }

    /** UpdateCategoryInput: the default OPD only when one is chosen. */
    public Map<String, Object> input() {
        if (!problems().isEmpty()) {
            throw new IllegalStateException("the form breaks the rules on " + problems().keySet());
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("code", code);
        if (defaultOpdCode != null && !defaultOpdCode.isBlank()) {
            input.put(DEFAULT_OPD, defaultOpdCode);
        }
        input.put(REPLY_HOURS, replyHours);
        input.put(FIX_HOURS, fixHours);
        return input;
    }

    public String getDefaultOpdCode() {
        return defaultOpdCode;
    }

    public void setDefaultOpdCode(String defaultOpdCode) {
        this.defaultOpdCode = defaultOpdCode;
    }

    public Integer getReplyHours() {
        return replyHours;
    }

    public void setReplyHours(Integer replyHours) {
        this.replyHours = replyHours;
    }

    public Integer getFixHours() {
        return fixHours;
    }

    public void setFixHours(Integer fixHours) {
        this.fixHours = fixHours;
    }
}
