package id.go.cilegon.juare.platform.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;

/**
 * Over graphql-ws, data loaders are dispatched only once a resolver of the operation has asked for them (issue 15,
 * ADR 0038). Spring GraphQL registers every data loader (12) with each request, and graphql-java dispatches all of a
 * subscription's loaders at every event it delivers: one event to 10,000 dashboards was 120,000 dispatches of empty
 * loaders (6 % of the fan-out threads' time). A loader nobody asked for has nothing queued, so not dispatching it
 * changes nothing; one asked for is dispatched as before, from then on. Loaders reach resolvers through
 * {@code DataFetchingEnvironment.getDataLoader} (the registry's {@code getDataLoader}); the other ways of reaching one
 * mark it too.
 */
@Configuration(proxyBeanMethods = false)
class DispatchUsedLoaders {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 11)
    static WebGraphQlInterceptor dispatchUsedLoadersOverWebSocket() {
        return (request, chain) -> {
            if (request instanceof WebSocketGraphQlRequest) {
                // Spring registers its loaders into this registry (it is not graphql-java's empty one)
                request.configureExecutionInput((input, builder) -> builder.dataLoaderRegistry(new UsedOnly()).build());
            }
            return chain.next(request);
        };
    }

    /** A registry whose dispatch covers only the loaders handed out. */
    static final class UsedOnly extends DataLoaderRegistry {

        private final Set<String> used = ConcurrentHashMap.newKeySet();

        @Override
        public <K, V> DataLoader<K, V> getDataLoader(String key) {
            used.add(key);
            return super.getDataLoader(key);
        }

        @Override
        public <K, V> DataLoader<K, V> registerAndGet(String key, DataLoader<?, ?> dataLoader) {
            used.add(key);
            return super.registerAndGet(key, dataLoader);
        }

        @Override
        public <K, V> DataLoader<K, V> computeIfAbsent(String key, java.util.function.Function<String, DataLoader<?, ?>> make) {
            used.add(key);
            return super.computeIfAbsent(key, make);
        }

        @Override
        public java.util.Map<String, DataLoader<?, ?>> getDataLoadersMap() {
            // whoever reads the map may take any loader from it
            used.addAll(dataLoaders.keySet());
            return super.getDataLoadersMap();
        }

        @Override
        public void dispatchAll() {
            dispatchAllWithCount();
        }

        @Override
        public int dispatchAllWithCount() {
            if (used.isEmpty()) {
                return 0;
            }
            int sum = 0;
            for (String key : used) {
                DataLoader<?, ?> loader = dataLoaders.get(key);
                if (loader != null) {
                    sum += loader.dispatchWithCounts().getKeysCount();
                }
            }
            return sum;
        }

        @Override
        public int dispatchDepth() {
            int depth = 0;
            for (String key : used) {
                DataLoader<?, ?> loader = dataLoaders.get(key);
                if (loader != null) {
                    depth += loader.dispatchDepth();
                }
            }
            return depth;
        }
    }
}
