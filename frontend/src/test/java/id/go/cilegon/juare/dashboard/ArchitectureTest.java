package id.go.cilegon.juare.dashboard;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's structure (ADR 0023), as in Vaadin's walking skeleton: the foundation ({@code base}: the frame,
 * i18n, maps' component; {@code backend}: the GraphQL client; {@code live}: the one live event feed) knows no feature,
 * and the features ({@code complaint}, {@code ranking}, {@code security}, ...) depend on each other without cycles.
 */
class ArchitectureTest {

    private static final String ROOT = "id.go.cilegon.juare.dashboard";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void baseDependsOnNoFeature() {
        classes().that().resideInAPackage(ROOT + ".base..")
                .should().onlyDependOnClassesThat(not(resideInAPackage(ROOT + "..")).or(
                        resideInAnyPackage(ROOT + ".base..", ROOT + ".backend..", ROOT + ".live")))
                .because("base is the foundation every feature builds on: a feature it needs is a cycle waiting to happen")
                .check(CLASSES);
    }

    @Test
    void theBackendClientAndTheLiveFeedDependOnNoFeature() {
        classes().that().resideInAPackage(ROOT + ".backend..")
                .should().onlyDependOnClassesThat(not(resideInAPackage(ROOT + "..")).or(resideInAPackage(ROOT + ".backend..")))
                .check(CLASSES);
        classes().that().resideInAPackage(ROOT + ".live")
                .should().onlyDependOnClassesThat(not(resideInAPackage(ROOT + "..")).or(
                        resideInAnyPackage(ROOT + ".live", ROOT + ".backend..", ROOT + ".base..")))
                .check(CLASSES);
    }

    @Test
    void theBaseImportsNoViewAndNoFeatureImportsAnotherFeaturesView() {
        // the menu comes from @Menu on the views, found at run time: nobody needs another feature's view class
        noClasses().that().resideInAPackage(ROOT + ".base..")
                .should().dependOnClassesThat(resideOutsideOfPackage(ROOT + ".base..").and(annotatedWith(Route.class)))
                .check(CLASSES);
    }

    @Test
    void theFeaturesAreFreeOfCycles() {
        slices().assignedFrom(FEATURES).should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * One slice per top-level package ({@code complaint} with its {@code ui}), but {@code live.ui} on its own: the
     * live widgets are a feature's screens on top of base, the live feed under it.
     */
    private static final SliceAssignment FEATURES = new SliceAssignment() {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (!name.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            String rest = name.substring(ROOT.length() + 1);
            if (rest.equals("live.ui") || rest.startsWith("live.ui.")) {
                return SliceIdentifier.of("live.ui");
            }
            int dot = rest.indexOf('.');
            return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
        }

        @Override
        public String getDescription() {
            return "the dashboard's top-level packages (live.ui apart)";
        }
    };
}
