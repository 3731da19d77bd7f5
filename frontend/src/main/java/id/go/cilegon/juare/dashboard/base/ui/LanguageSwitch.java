package id.go.cilegon.juare.dashboard.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import id.go.cilegon.juare.dashboard.base.i18n.Languages;
import java.util.Locale;

/** One button that offers the other language, named in that language ("English" / "Bahasa Indonesia"). */
public class LanguageSwitch extends Button {

    public LanguageSwitch() {
        setId("language-switch");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addAttachListener(attach -> {
            Locale other = Languages.other(attach.getUI().getLocale());
            setText(getTranslation(other, "language.name"));
        });
        addClickListener(click -> getUI().ifPresent(ui -> Languages.switchTo(ui, Languages.other(ui.getLocale()))));
    }
}
