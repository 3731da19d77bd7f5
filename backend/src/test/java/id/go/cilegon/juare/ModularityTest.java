package id.go.cilegon.juare;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules talk through each other's public types only; internal packages stay internal; no cycles. */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(JuareApplication.class).verify();
    }
}
