package id.go.cilegon.juare.complaint;

import java.util.function.Consumer;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The read path's optimisations switched off and on in the running application, for ReadPathBenchmark's A/B in one
 * JVM. Package-private fields of internal beans, reached by reflection: nothing in the application exists for this.
 */
final class Variants {

    private Variants() {
    }

    /** CachedTokenAuthentication's cache of verified tokens: on, or off (every request verifies its token). */
    static Consumer<Boolean> tokenCache(ApplicationContext context) {
        Object bean = bean(context, "id.go.cilegon.juare.auth.internal.CachedTokenAuthentication");
        return on -> ReflectionTestUtils.setField(bean, "enabled", on);
    }

    /** ComplaintController: myComplaints reads its photos in the page's statement, or in a second one. */
    static Consumer<Boolean> oneStatement(ApplicationContext context) {
        Object bean = bean(context, "id.go.cilegon.juare.complaint.internal.ComplaintController");
        return on -> ReflectionTestUtils.setField(bean, "photosInPage", on);
    }

    /** Spring GraphQL's observation of every field (graphql.datafetcher): on (as before), or off. */
    static Consumer<Boolean> fieldObservations(ApplicationContext context) {
        Object bean = bean(context, "id.go.cilegon.juare.platform.internal.RequestObservationsOnly");
        return on -> ReflectionTestUtils.setField(bean, "observeFields", on);
    }

    /** PlainFields: @PlainField fields as graphql-java's light fetchers (ADR 0042), or through Spring GraphQL's decorator. */
    static Consumer<Boolean> plainFields(ApplicationContext context) {
        Object bean = bean(context, "id.go.cilegon.juare.platform.internal.PlainFields");
        return on -> ReflectionTestUtils.setField(bean, "enabled", on);
    }

    /** PhotoUrls: each signature from a copy of a Mac keyed once, or a Mac made and keyed for it (as before). */
    static Consumer<Boolean> keyedMac(ApplicationContext context) {
        Object bean = bean(context, "id.go.cilegon.juare.photo.PhotoUrls");
        return on -> ReflectionTestUtils.setField(bean, "copyKeyed", on);
    }

    /** QueryLimits: an operation's shape and cost computed once per document and relevant variables, or every time. */
    static Consumer<Boolean> cachedFigures(ApplicationContext context) {
        Object bean = bean(context, "id.go.cilegon.juare.platform.internal.QueryLimits");
        return on -> ReflectionTestUtils.setField(bean, "cacheFigures", on);
    }

    /** ComplaintController: whether photos are selected, read from the document, or from graphql-java's normalized selection. */
    static Consumer<Boolean> selectionFromDocument(ApplicationContext context) {
        Object bean = bean(context, "id.go.cilegon.juare.complaint.internal.ComplaintController");
        return on -> ReflectionTestUtils.setField(bean, "selectionFromDocument", on);
    }

    /** TimestampTextCodec: timestamptz text parsed by our parser, or every one by the driver's DateTimeFormatter. */
    static Consumer<Boolean> timestampParser(ApplicationContext context) {
        try {
            Class<?> codec = Class.forName("id.go.cilegon.juare.platform.internal.TimestampTextCodec");
            return on -> ReflectionTestUtils.setField(codec, "enabled", on);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** InstrumentationChain: each instrumentation asked only at the hooks it implements (ADR 0047), or graphql-java's chain. */
    static Consumer<Boolean> leanInstrumentation(ApplicationContext context) {
        Object chain = context.getBean(org.springframework.graphql.execution.GraphQlSource.class).graphQl().getInstrumentation();
        return on -> ReflectionTestUtils.setField(chain, "lean", on);
    }

    /** PersistedDocumentRequests.HttpHandler: answers written by ResponseJson (ADR 0047), or by Spring's Jackson encoder. */
    static Consumer<Boolean> directJson(ApplicationContext context) {
        Object bean = bean(context, "id.go.cilegon.juare.platform.internal.PersistedDocumentRequests$HttpHandler");
        return on -> ReflectionTestUtils.setField(bean, "directJson", on);
    }

    /** POST /graphql authenticated by GraphQlBearerAuthentication (ADR 0048), or by Spring Security's main chain. */
    static Consumer<Boolean> leanGraphQlPath(ApplicationContext context) {
        Object bean = bean(context, "id.go.cilegon.juare.auth.internal.GraphQlBearerAuthentication$Switch");
        return on -> ReflectionTestUtils.setField(bean, "enabled", on);
    }

    private static Object bean(ApplicationContext context, String className) {
        try {
            return context.getBean(Class.forName(className));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
