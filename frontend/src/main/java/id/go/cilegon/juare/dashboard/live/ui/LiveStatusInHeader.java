package id.go.cilegon.juare.dashboard.live.ui;

import com.vaadin.flow.component.Component;
import id.go.cilegon.juare.dashboard.base.ui.HeaderItem;
import id.go.cilegon.juare.dashboard.live.LiveEvents;
import org.springframework.stereotype.Service;

/** The live dot in the header of every screen (base's frame asks for it without knowing live events). */
@Service
class LiveStatusInHeader implements HeaderItem {

    private final LiveEvents live;

    LiveStatusInHeader(LiveEvents live) {
        this.live = live;
    }

    @Override
    public Component create() {
        return new LiveStatus(live, false);
    }
}
