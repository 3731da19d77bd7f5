package id.go.cilegon.juare.dashboard.complaint.ui;

import id.go.cilegon.juare.dashboard.base.ui.JuareFiles;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * The field worker's screens on a phone: narrower than {@value #PHONE_MAX_WIDTH} px the OPD queue is a list of cards
 * and the complaint reads photos first (a phone turned sideways has room for the desk layout). The style sheet
 * {@code juare/juare-phone.css} uses the same breakpoint.
 */
final class PhoneLayout {

    /** Narrower than this is a phone. */
    static final int PHONE_MAX_WIDTH = 800;

    /** With its content's checksum, so a browser never keeps an old one after a deployment. */
    static final String STYLE = JuareFiles.url("juare-phone.css");

    private PhoneLayout() {
    }

    static void loadStyle(UI ui) {
        ui.getPage().addStyleSheet(STYLE);
    }

    static boolean isPhone(int windowWidth) {
        return windowWidth > 0 && windowWidth < PHONE_MAX_WIDTH;
    }

    /**
     * Tells {@code phone} whether the window is a phone's, as soon as the browser has said how wide it is. Once per
     * screen: a window resized or a phone turned while someone works keeps its layout (and what they typed); the next
     * screen they open is laid out for the new size.
     */
    static void decide(UI ui, SerializableConsumer<Boolean> phone) {
        ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
        if (details.getWindowInnerWidth() > 0) {
            phone.accept(isPhone(details.getWindowInnerWidth()));
        } else {
            details.refresh(fresh -> phone.accept(isPhone(fresh.getWindowInnerWidth())));
        }
    }

}
