package id.go.cilegon.juare.platform.internal;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.extension.Extension;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Codecs of our own in the database driver: timestamps read without its DateTimeFormatter (ADR 0042). */
@Configuration(proxyBeanMethods = false)
class DatabaseCodecs {

    /** {@code juare.db.fast-timestamps=false} leaves every timestamp to the driver's codec. */
    @Bean
    @ConditionalOnProperty(name = "juare.db.fast-timestamps", havingValue = "true", matchIfMissing = true)
    ConnectionFactoryOptionsBuilderCustomizer timestampTextCodec() {
        return options -> options.option(PostgresqlConnectionFactoryProvider.EXTENSIONS,
                List.<Extension>of(TimestampTextCodec.registrar()));
    }
}
