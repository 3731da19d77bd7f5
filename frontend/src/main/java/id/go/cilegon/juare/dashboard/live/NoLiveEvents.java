package id.go.cilegon.juare.dashboard.live;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/** TEMPORARY placeholder until the graphql-ws fan-out lands: delivers nothing. */
@Service
class NoLiveEvents implements LiveEvents {

    @Override
    public Registration subscribe(Component owner, Predicate<ComplaintEvent> filter, Consumer<List<ComplaintEvent>> onEvents) {
        return () -> { };
    }
}
