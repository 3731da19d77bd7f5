package id.go.cilegon.juare.dashboard.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouterLink;

/**
 * A page instead of a screen one cannot have (not allowed for the role, or no such screen): in the user's language,
 * inside the frame with the menu, with the way back to the start page.
 */
abstract class DeadEnd extends Div implements HasDynamicTitle {

    private final String titleKey;

    DeadEnd(String kind, String titleKey, String textKey) {
        this.titleKey = titleKey;
        setId("dead-end");
        addClassName("juare-dead-end");
        getElement().setAttribute("data-kind", kind);
        RouterLink home = new RouterLink(getTranslation("deadEnd.home"), HomeView.class);
        home.setId("dead-end-home");
        add(new H2(getTranslation(titleKey)), new Paragraph(getTranslation(textKey)), home);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · Juare";
    }
}
