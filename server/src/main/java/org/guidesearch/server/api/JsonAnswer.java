package org.guidesearch.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

/**
 * Writes an answer as JSON bytes straight from Jackson. Javalin's {@code ctx.json} goes through a String that is then
 * encoded again; for the search routes, whose answers are the largest and most frequent, that copy was about a tenth
 * of a new query's cost on the request thread (JFR, README "Benchmark").
 */
public final class JsonAnswer {
    private final ObjectMapper mapper;

    public JsonAnswer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void send(Context ctx, Object answer) {
        try {
            ctx.contentType(ContentType.APPLICATION_JSON).result(mapper.writeValueAsBytes(answer));
        } catch (JsonProcessingException e) {
            // Our own records always serialise; failing here is a bug, which the error mapping answers as a 500.
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }
}
