package id.go.cilegon.juare.dashboard.wall;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The wall screen ({@code juare.wall.*}).
 *
 * @param pageEvery when the OPDs do not all fit on the screen, the wall shows them a page at a time and turns to the
 *                  next page this often
 */
@ConfigurationProperties("juare.wall")
public record WallProperties(@DefaultValue("10s") Duration pageEvery) {

    public WallProperties {
        if (pageEvery == null || pageEvery.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("juare.wall.page-every must be at least 1s, was " + pageEvery);
        }
    }
}
