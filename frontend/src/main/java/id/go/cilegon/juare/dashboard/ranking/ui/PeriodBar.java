package id.go.cilegon.juare.dashboard.ranking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import id.go.cilegon.juare.dashboard.base.Wib;
import id.go.cilegon.juare.dashboard.ranking.Period;
import id.go.cilegon.juare.dashboard.ranking.PeriodKind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The period switch of the ranking and the scorecard: Hari ini / 7 hari / 30 hari / Bulan (with a month chooser) /
 * Rentang (two dates and "Terapkan"). Tells {@code onChange} a complete period; a range only when applied.
 */
class PeriodBar extends HorizontalLayout {

    /** Months offered in the chooser, the current one first. */
    static final int MONTHS_BACK = 24;

    private final Map<PeriodKind, Button> kinds = new EnumMap<>(PeriodKind.class);
    private final Select<YearMonth> month = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Button apply = new Button();
    private final Span error = new Span();
    private final Consumer<Period> onChange;
    private final LocalDate today;
    private boolean setting;

    PeriodBar(Clock clock, Consumer<Period> onChange) {
        this.onChange = onChange;
        this.today = LocalDate.ofInstant(clock.instant(), Wib.ZONE);
        setId("period-bar");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setSpacing(true);
        getStyle().set("flex-wrap", "wrap");
        for (PeriodKind kind : PeriodKind.values()) {
            Button button = new Button(getTranslation("ranking.period." + kind.name()), click -> choose(kind));
            button.setId("period-" + kind.name());
            kinds.put(kind, button);
            add(button);
        }

        Locale locale = getLocale();
        List<YearMonth> months = new ArrayList<>();
        for (int back = 0; back < MONTHS_BACK; back++) {
            months.add(YearMonth.from(today).minusMonths(back));
        }
        month.setItems(months);
        month.setItemLabelGenerator(m -> m.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + m.getYear());
        month.setId("period-month");
        month.setAriaLabel(getTranslation("ranking.period.MONTH"));
        month.addValueChangeListener(change -> {
            if (!setting && change.getValue() != null) {
                emit(Period.month(change.getValue()));
            }
        });

        from.setId("period-from");
        to.setId("period-to");
        from.setLabel(getTranslation("ranking.period.from"));
        to.setLabel(getTranslation("ranking.period.to"));
        for (DatePicker picker : List.of(from, to)) {
            picker.setLocale(locale);
            picker.setMax(today);
            picker.setWidth("10rem");
        }
        apply.setText(getTranslation("ranking.period.apply"));
        apply.setId("period-apply");
        apply.addClickListener(click -> applyRange());
        error.setId("period-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(month, from, to, apply, error);
        show(Period.DEFAULT);
    }

    /** Shows {@code period} as chosen, without telling anyone. */
    void setValue(Period period) {
        setting = true;
        try {
            show(period);
            if (period.kind() == PeriodKind.MONTH) {
                month.setValue(period.month());
            }
            if (period.kind() == PeriodKind.RANGE) {
                from.setValue(period.from());
                to.setValue(period.to());
            }
        } finally {
            setting = false;
        }
    }

    private void choose(PeriodKind kind) {
        error.setText("");
        switch (kind) {
            case MONTH -> {
                show(Period.month(YearMonth.from(today)));
                if (month.getValue() == null) {
                    month.setValue(YearMonth.from(today));
                } else {
                    emit(Period.month(month.getValue()));
                }
            }
            case RANGE -> {
                // the range waits for its two dates and "Terapkan"
                showKind(PeriodKind.RANGE);
                if (from.getValue() == null) {
                    setting = true;
                    from.setValue(today.minusDays(29));
                    to.setValue(today);
                    setting = false;
                }
            }
            default -> emit(Period.of(kind));
        }
    }

    private void applyRange() {
        try {
            emit(Period.range(from.getValue(), to.getValue()));
            error.setText("");
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
        }
    }

    private void emit(Period period) {
        show(period);
        onChange.accept(period);
    }

    private void show(Period period) {
        showKind(period.kind());
    }

    private void showKind(PeriodKind chosen) {
        kinds.forEach((kind, button) -> {
            button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
            if (kind == chosen) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            button.getElement().setAttribute("aria-pressed", Boolean.toString(kind == chosen));
        });
        month.setVisible(chosen == PeriodKind.MONTH);
        from.setVisible(chosen == PeriodKind.RANGE);
        to.setVisible(chosen == PeriodKind.RANGE);
        apply.setVisible(chosen == PeriodKind.RANGE);
    }
}
