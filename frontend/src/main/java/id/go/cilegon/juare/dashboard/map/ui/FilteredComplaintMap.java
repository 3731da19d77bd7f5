package id.go.cilegon.juare.dashboard.map.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import id.go.cilegon.juare.dashboard.backend.BackendException;
import id.go.cilegon.juare.dashboard.base.ui.map.ComplaintMap;
import id.go.cilegon.juare.dashboard.map.FilterChoices;
import id.go.cilegon.juare.dashboard.map.MapFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A live complaint map with its filter bar above it: status group (open by default, as the legend says), OPDs,
 * categories, a period. A change queries the visible box again at once; the legend's total counts what the filter
 * shows. Made by {@code ComplaintMaps.filtered()}; a view only adds it (and may size {@link #map()}).
 */
public class FilteredComplaintMap extends Composite<Div> {

    private final ComplaintMap map;
    private final Consumer<MapFilter> onChange;
    private final Function<Locale, FilterChoices> choices;
    private MapFilter filter;

    private final Select<MapFilter.StatusGroup> statuses = new Select<>();
    private final MultiSelectComboBox<FilterChoices.Choice> opds = new MultiSelectComboBox<>();
    private final MultiSelectComboBox<FilterChoices.Choice> categories = new MultiSelectComboBox<>();
    private final Select<MapFilter.Period> period = new Select<>();
    private boolean choicesLoaded;

    /**
     * @param onChange gets every new filter (the map's source reads it)
     * @param choices  the OPDs and categories to offer (asked for when the bar is first shown)
     */
    public FilteredComplaintMap(ComplaintMap map, MapFilter initial, Consumer<MapFilter> onChange,
                                Function<Locale, FilterChoices> choices) {
        this.map = map;
        this.filter = initial;
        this.onChange = onChange;
        this.choices = choices;

        statuses.setId("map-filter-status");
        statuses.setLabel(getTranslation("map.filter.status"));
        statuses.setItems(MapFilter.StatusGroup.values());
        statuses.setItemLabelGenerator(g -> getTranslation("map.filter.status." + g.name()));
        statuses.setValue(initial.statuses());
        statuses.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                apply(filter.withStatuses(e.getValue()));
            }
        });

        opds.setId("map-filter-opd");
        opds.setLabel(getTranslation("map.filter.opd"));
        opds.setPlaceholder(getTranslation("map.filter.opd.all"));
        opds.setItemLabelGenerator(FilterChoices.Choice::label);
        opds.setClearButtonVisible(true);
        opds.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                apply(filter.withOpdCodes(codes(e.getValue())));
            }
        });

        categories.setId("map-filter-category");
        categories.setLabel(getTranslation("map.filter.category"));
        categories.setPlaceholder(getTranslation("map.filter.category.all"));
        categories.setItemLabelGenerator(FilterChoices.Choice::label);
        categories.setClearButtonVisible(true);
        categories.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                apply(filter.withCategoryCodes(codes(e.getValue())));
            }
        });

        period.setId("map-filter-period");
        period.setLabel(getTranslation("map.filter.period"));
        period.setItems(MapFilter.Period.values());
        period.setItemLabelGenerator(p -> getTranslation("map.filter.period." + p.name()));
        period.setValue(initial.period());
        period.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                apply(filter.withPeriod(e.getValue()));
            }
        });

        Div bar = new Div(statuses, opds, categories, period);
        bar.addClassName("juare-map-filters");
        bar.setId("map-filters");
        bar.getElement().setAttribute("role", "group");
        bar.getElement().setAttribute("aria-label", getTranslation("map.filter.label"));
        getContent().addClassName("juare-filtered-map");
        getContent().add(bar, map);
        map.setLegendNote(note(initial));
        map.setLegendStatuses(initial.statuses().shown());
    }

    /** The map inside (for its id, height, click listeners). */
    public ComplaintMap map() {
        return map;
    }

    /** The filter the map shows now. */
    public MapFilter filter() {
        return filter;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (!choicesLoaded) {
            try {
                FilterChoices offered = choices.apply(getLocale());
                opds.setItems(offered.opds());
                categories.setItems(offered.categories());
                choicesLoaded = true;
            } catch (BackendException e) {
                // the status and period still filter; the lists come with the next attach
                opds.setEnabled(false);
                categories.setEnabled(false);
            }
        }
    }

    private void apply(MapFilter changed) {
        filter = changed;
        onChange.accept(changed);
        map.setLegendNote(note(changed));
        map.setLegendStatuses(changed.statuses().shown());
        map.reload();
    }

    /** The legend's line: "Tampil: terbuka · 7 hari terakhir · 2 OPD". */
    String note(MapFilter f) {
        List<String> parts = new ArrayList<>();
        parts.add(getTranslation("map.filter.note.status." + f.statuses().name()));
        if (f.period() != MapFilter.Period.ALL_TIME) {
            parts.add(getTranslation("map.filter.period." + f.period().name()));
        }
        if (!f.opdCodes().isEmpty()) {
            parts.add(f.opdCodes().size() == 1 ? f.opdCodes().iterator().next()
                    : getTranslation("map.filter.note.opds", f.opdCodes().size()));
        }
        if (!f.categoryCodes().isEmpty()) {
            parts.add(getTranslation("map.filter.note.categories", f.categoryCodes().size()));
        }
        return getTranslation("map.filter.note", String.join(" · ", parts));
    }

    private static Set<String> codes(Set<FilterChoices.Choice> chosen) {
        return chosen.stream().map(FilterChoices.Choice::code).collect(Collectors.toSet());
    }
}
