package id.go.cilegon.juare.dashboard.base.ui;

import com.vaadin.flow.component.Component;

/**
 * Something a feature shows in the header of every screen (the live dot): a Spring bean that {@link MainLayout}
 * asks for a fresh component each time it is built, so the layout need not know the feature.
 */
public interface HeaderItem {

    Component create();
}
