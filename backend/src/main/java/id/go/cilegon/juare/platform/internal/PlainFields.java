package id.go.cilegon.juare.platform.internal;

import graphql.GraphQL;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.LightDataFetcher;
import id.go.cilegon.juare.platform.PlainField;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.dataloader.DataLoader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import reactor.core.publisher.Mono;

/**
 * The {@link PlainField} methods as graphql-java's own light fetchers (docs/adr/0042). Spring GraphQL wraps every
 * controller field in a decorator that captures a context snapshot, restores its thread-locals around the call,
 * resolves the method's arguments and, for a Mono, writes the snapshot into its Reactor context and converts it to a
 * future: measured at about a fifth of the CPU of a resident's page of complaints, for fields that read a record's
 * component or an in-memory catalogue. Those fields are registered here again, after Spring GraphQL has built the
 * schema, as {@link LightDataFetcher}s that call the method through a method handle; everything else (root fields,
 * fields that ask for the caller) stays as Spring GraphQL made it.
 *
 * <p>Two engines are kept, the same but for those fields, and {@link #enabled} picks one per request:
 * {@code juare.graphql.plain-fields=false} (default true) serves every field through Spring GraphQL as before, and
 * benchmarks switch between the two in one JVM (ReadPathBenchmark).
 */
@Component
class PlainFields implements GraphQlSourceBuilderCustomizer {

    /** Switched by benchmarks to compare. */
    volatile boolean enabled;

    private final ApplicationContext context;

    PlainFields(ApplicationContext context, @Value("${juare.graphql.plain-fields:true}") boolean enabled) {
        this.context = context;
        this.enabled = enabled;
    }

    @Override
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        builder.graphQlSourceFactory((graphQl, schema) -> {
            GraphQLCodeRegistry.Builder registry = GraphQLCodeRegistry.newCodeRegistry(schema.getCodeRegistry());
            fetchers(schema).forEach(registry::dataFetcher);
            GraphQLSchema plainSchema = schema.transformWithoutTypes(b -> b.codeRegistry(registry.build()));
            GraphQL plain = graphQl.transform(b -> b.schema(plainSchema));
            return new Source(graphQl, plain, schema);
        });
    }

    /** Spring GraphQL's engine, or the one with the plain fields; the schema's types are the same. */
    private final class Source implements GraphQlSource {
        private final GraphQL spring;
        private final GraphQL plain;
        private final GraphQLSchema schema;

        Source(GraphQL spring, GraphQL plain, GraphQLSchema schema) {
            this.spring = spring;
            this.plain = plain;
            this.schema = schema;
        }

        @Override
        public GraphQL graphQl() {
            return enabled ? plain : spring;
        }

        @Override
        public GraphQLSchema schema() {
            return schema;
        }
    }

    /**
     * Every @PlainField of the application's controllers, by the field it maps; a wrong one stops the start. On a
     * {@code @BatchMapping} it says the field's fetcher may skip the decorator: it only hands the source to the
     * field's DataLoader, whose batch runs with the request's context whatever the fetcher.
     */
    Map<FieldCoordinates, LightDataFetcher<Object>> fetchers(GraphQLSchema schema) {
        Map<FieldCoordinates, LightDataFetcher<Object>> fetchers = new LinkedHashMap<>();
        for (Object bean : context.getBeansWithAnnotation(Controller.class).values()) {
            Class<?> type = ClassUtils.getUserClass(bean);
            SchemaMapping onClass = AnnotatedElementUtils.findMergedAnnotation(type, SchemaMapping.class);
            for (Method method : type.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(PlainField.class)) {
                    continue;
                }
                SchemaMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, SchemaMapping.class);
                BatchMapping batch = AnnotatedElementUtils.findMergedAnnotation(method, BatchMapping.class);
                if (mapping == null && batch == null) {
                    throw new IllegalStateException("@PlainField needs @SchemaMapping or @BatchMapping: " + method);
                }
                String mappedType = mapping != null ? mapping.typeName() : batch.typeName();
                String mappedField = mapping != null ? mapping.field() : batch.field();
                String typeName = !mappedType.isEmpty() ? mappedType : onClass != null ? onClass.typeName() : "";
                String field = !mappedField.isEmpty() ? mappedField : method.getName();
                if (!(schema.getType(typeName) instanceof GraphQLFieldsContainer container) || container.getFieldDefinition(field) == null) {
                    throw new IllegalStateException("@PlainField " + typeName + "." + field + " is not in the schema: " + method);
                }
                FieldCoordinates coordinates = FieldCoordinates.coordinates(typeName, field);
                // a batch mapping's field only asks its DataLoader (named by the coordinates, as Spring GraphQL names
                // it); the batch itself still runs with the request's context, captured by Spring GraphQL's loader
                LightDataFetcher<Object> fetcher = batch != null ? new Batched(coordinates.toString()) : fetcher(bean, method);
                if (fetchers.put(coordinates, fetcher) != null) {
                    throw new IllegalStateException("@PlainField " + typeName + "." + field + " mapped twice: " + method);
                }
            }
        }
        return fetchers;
    }

    static LightDataFetcher<Object> fetcher(Object bean, Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean withEnvironment = parameters.length == 2 && parameters[1] == DataFetchingEnvironment.class;
        if (parameters.length != 1 && !withEnvironment) {
            throw new IllegalStateException("@PlainField takes the source (and the DataFetchingEnvironment): " + method);
        }
        try {
            method.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(method).bindTo(bean);
            return new Plain(handle.asType(withEnvironment
                    ? MethodType.methodType(Object.class, Object.class, DataFetchingEnvironment.class)
                    : MethodType.methodType(Object.class, Object.class)), withEnvironment);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As Spring GraphQL's BatchMappingDataFetcher, without its decorator around it. */
    private record Batched(String loader) implements LightDataFetcher<Object> {

        @Override
        public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment) {
            return get(environment.get());
        }

        @Override
        public Object get(DataFetchingEnvironment environment) {
            DataLoader<Object, Object> dataLoader = environment.getDataLoader(loader);
            if (dataLoader == null || environment.getSource() == null) {
                throw new IllegalStateException("No DataLoader " + loader + " or no source");
            }
            return environment.getLocalContext() != null
                    ? dataLoader.load(environment.getSource(), environment.getLocalContext())
                    : dataLoader.load(environment.getSource());
        }
    }

    /** The method called with the source (and the environment, built only then). */
    private record Plain(MethodHandle handle, boolean withEnvironment) implements LightDataFetcher<Object> {

        @Override
        public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment) throws Exception {
            Object value;
            try {
                value = withEnvironment ? (Object) handle.invokeExact(source, environment.get()) : (Object) handle.invokeExact(source);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new UndeclaredThrowableException(e);
            }
            return value instanceof Mono<?> mono ? now(mono) : value;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
        }

        /** A look-up that completed at once as its value, else as a future graphql-java waits for. */
        private static Object now(Mono<?> mono) {
            CompletableFuture<?> future = mono.toFuture();
            return future.isDone() && !future.isCompletedExceptionally() ? future.getNow(null) : future;
        }
    }
}
