package id.go.cilegon.juare.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.IntegrationTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import tools.jackson.databind.json.JsonMapper;

/**
 * ResponseJson writes what Spring's Jackson encoder writes (ADR 0047): the same bytes for the kinds of values graphql-java
 * answers with — nested maps in their order, lists, nulls, every kind of number, booleans, text that must be escaped —
 * and for values of other types (handed to the same mapper); and the HTTP endpoint answers with it.
 */
class ResponseJsonTest extends IntegrationTest {

    @Autowired
    JsonMapper applicationMapper;

    private record Extra(String code, int count, Instant at) {
    }

    private enum Kind { ONE }

    private static Map<String, Object> answer() {
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("id", "0b6f7c2e-6c1f-4f5e-9d7c-1a2b3c4d5e6f");
        complaint.put("title", "Jalan \"berlubang\" \\ di depan <script>sekolah</script> \u0000\u001f\u2028 — 路 😀");
        complaint.put("confidential", false);
        complaint.put("opd", null);
        complaint.put("location", new LinkedHashMap<>(Map.of("lat", -6.0175, "lng", 106.0431)));
        complaint.put("counts", Arrays.asList(1, 2L, (short) 3, 4.5f, 1e300, -0.0, Double.NaN, new BigDecimal("12.3400"),
                new BigInteger("123456789012345678901234567890"), null, true));
        complaint.put("photos", List.of());
        complaint.put("nested", List.of(List.of(Map.of()), new ArrayList<>(List.of("a"))));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("complaint", complaint);
        data.put("zeta", 1);
        data.put("alpha", 2);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", "NOT_FOUND");
        extensions.put("classification", Kind.ONE);
        extensions.put("extra", new Extra("X", 3, Instant.parse("2026-12-07T03:00:00Z")));
        extensions.put("locale", Locale.forLanguageTag("id-ID"));
        extensions.put("byte", (byte) 7);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "Tidak ditemukan / Not found");
        error.put("locations", List.of(Map.of("line", 1, "column", 3)));
        error.put("path", List.of("complaint", 0, "photos"));
        error.put("extensions", extensions);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("errors", List.of(error));
        answer.put("data", data);
        return answer;
    }

    private static String written(JsonMapper mapper, Map<String, Object> answer) {
        DataBuffer buffer = new ResponseJson(mapper).encode(answer);
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesWhatJacksonWritesWithTheApplicationsMapperAndADefaultOne() {
        for (JsonMapper mapper : List.of(applicationMapper, JsonMapper.builder().build())) {
            Map<String, Object> answer = answer();
            assertThat(written(mapper, answer)).isEqualTo(mapper.writeValueAsString(answer));
            Map<String, Object> empty = new LinkedHashMap<>();
            empty.put("data", null);
            assertThat(written(mapper, empty)).isEqualTo(mapper.writeValueAsString(empty));
        }
    }

    @Test
    void aLargeAnswerGrowsItsBuffer() {
        Map<String, Object> answer = new LinkedHashMap<>();
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            many.add(answer());
        }
        answer.put("data", Map.of("many", many));
        assertThat(written(applicationMapper, answer)).isEqualTo(applicationMapper.writeValueAsString(answer)).hasSizeGreaterThan(1_000_000);
    }

    @Test
    void theEndpointAnswersWithIt() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/graphql"))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"query\":\"{ categories { code nameId } }\"}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(response.headers().firstValue("Content-Length")).hasValue(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length));
        String body = response.body();
        assertThat(body).startsWith("{\"data\":{\"categories\":[{\"code\":").doesNotContain("\n");
        assertThat(applicationMapper.writeValueAsString(applicationMapper.readValue(body, Map.class))).isEqualTo(body);
    }
}
