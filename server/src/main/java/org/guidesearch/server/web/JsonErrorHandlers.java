package org.guidesearch.server.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error pages (malformed URLs, bad percent-encoding, oversized headers or URLs, requests rejected before
 * any route runs) as the API's JSON errors instead of HTML: no stack trace, no cause, no echo of the request.
 */
final class JsonErrorHandlers {
    private static final HttpField JSON =
            new HttpField(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
    private static final HttpField NOSNIFF = new HttpField("X-Content-Type-Options", "nosniff");

    private JsonErrorHandlers() {}

    /** For the server: errors found while parsing a request, before it reaches the servlet context. */
    static final class ForServer extends org.eclipse.jetty.server.handler.ErrorHandler {
        ForServer() {
            setShowStacks(false);
            setShowCauses(false);
            setShowMessageInTitle(false);
        }

        @Override
        protected boolean generateAcceptableResponse(
                Request request,
                Response response,
                Callback callback,
                String contentType,
                List<Charset> charsets,
                int code,
                String message,
                Throwable cause) {
            writeJson(response, callback, code);
            return true;
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(JSON);
            fields.put(NOSNIFF);
            return ByteBuffer.wrap(ErrorBodies.forStatus(status));
        }
    }

    /** For the servlet context: errors Jetty raises around the servlet (ambiguous paths, rejected URIs). */
    static final class ForServlets extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        ForServlets() {
            setShowStacks(false);
            setShowCauses(false);
            setShowMessageInTitle(false);
        }

        @Override
        protected boolean generateAcceptableResponse(
                Request request,
                Response response,
                Callback callback,
                String contentType,
                List<Charset> charsets,
                int code,
                String message,
                Throwable cause)
                throws IOException {
            writeJson(response, callback, code);
            return true;
        }
    }

    private static void writeJson(Response response, Callback callback, int code) {
        response.getHeaders().put(JSON);
        response.getHeaders().put(NOSNIFF);
        response.write(true, ByteBuffer.wrap(ErrorBodies.forStatus(code)), callback);
    }
}
