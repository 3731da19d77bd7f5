package id.go.cilegon.juare.platform.internal;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** DateTime: an ISO-8601 instant, always written in UTC ("2026-11-29T01:02:03.456Z"). */
final class DateTimeScalar {

    static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("DateTime")
            // the same words as the scalar's description in schema.graphqls, whichever graphql-java publishes
            .description("An instant, written as ISO-8601 in UTC with a Z (2026-12-06T03:15:00Z; fractions of a second "
                    + "may appear). Inputs also accept an offset (2026-12-06T10:15:00+07:00). Kota Cilegon is in WIB "
                    + "(Asia/Jakarta, UTC+7, no daylight saving): show times in WIB.")
            .coercing(new InstantCoercing())
            .build();

    private DateTimeScalar() {
    }

    private static final class InstantCoercing implements Coercing<Instant, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof Instant instant) {
                return instant.toString();
            }
            if (value instanceof OffsetDateTime time) {
                return time.toInstant().toString();
            }
            throw new CoercingSerializeException("Not a DateTime: " + value.getClass().getSimpleName());
        }

        @Override
        public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return parse(text, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("DateTime must be an ISO-8601 string");
        }

        @Override
        public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                return parse(text.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("DateTime must be an ISO-8601 string");
        }

        private static <E extends RuntimeException> Instant parse(String text, java.util.function.Function<String, E> error) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw error.apply("Not an ISO-8601 date-time with offset: " + text);
            }
        }
    }
}
