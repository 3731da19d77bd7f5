package id.go.cilegon.juare.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @SchemaMapping} method that reads only its source (and, if it declares one, the
 * {@code DataFetchingEnvironment}): no caller, no security context, no Reactor context, no thread-locals. graphql-java
 * then calls it directly, as a trivial fetcher, instead of through Spring GraphQL's per-field context propagation
 * and argument resolution, which cost more than such a field itself (a page of 20 complaints resolves ~160 of them;
 * docs/adr/0042). Its parameters: the source, optionally followed by the {@code DataFetchingEnvironment}. It may
 * return a value or a {@code Mono} (an in-memory look-up that completes at once is answered as a value).
 * A field that needs the caller ({@code CurrentCaller}) must not carry it: the Reactor context is not there.
 * On a {@code @BatchMapping} it takes away only the decorator around the field's fetcher, which hands the source to
 * the field's DataLoader: the batch method itself still runs with the request's context (Spring GraphQL captures it
 * for the batch), so it may ask for the caller.
 * {@code juare.graphql.plain-fields=false} turns them all back into ordinary Spring GraphQL fields.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PlainField {
}
