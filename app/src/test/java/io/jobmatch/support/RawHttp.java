package io.jobmatch.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP/1.1 over a plain socket, one request per connection: the request line, headers and body go out byte for byte,
 * so a fuzzed request can hold what a well-behaved client refuses to send (an odd method, raw bytes and bad
 * escapes in the path, invalid UTF-8). The answer is read while the request is written, because the server may
 * answer (a 405, a 413) and close before it has read a large body: the JDK's HttpClient can then wait forever, still
 * sending, which is why oversized uploads are sent with this client too.
 */
public final class RawHttp {

    /**
     * The status line's code, and the whole answer; status 0 when the server closed the connection without answering
     * while the body was still being sent (it refused to read it).
     */
    public record Response(int status, String text) {}

    private static final int CHUNK = 16 * 1024;

    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public Response send(String method, byte[] target, String contentType, String authorization, byte[] body) {
        String shown = method + " " + new String(target, StandardCharsets.UTF_8);
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(60_000);
            CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> readAll(socket));
            boolean bodyRefused = !write(socket, request(method, target, contentType, authorization, body));
            String text = new String(answer.get(90, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            // Netty answers a request it cannot parse (a request line past its limit) as HTTP/1.0.
            if (text.startsWith("HTTP/1.1 ") || text.startsWith("HTTP/1.0 ")) {
                return new Response(Integer.parseInt(text.substring(9, 12)), text);
            }
            if (bodyRefused && text.isEmpty()) {
                return new Response(0, text);
            }
            throw new IllegalStateException("no HTTP answer to " + shown + ": '" + text + "'");
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + shown, e);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no answer to " + shown, e);
        }
    }

    private byte[] request(String method, byte[] target, String contentType, String authorization, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(method.getBytes(StandardCharsets.US_ASCII));
        request.write(' ');
        request.writeBytes(target);
        StringBuilder headers = new StringBuilder(" HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n");
        if (contentType != null) {
            headers.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (authorization != null) {
            headers.append("Authorization: ").append(authorization).append("\r\n");
        }
        headers.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        request.writeBytes(headers.toString().getBytes(StandardCharsets.UTF_8));
        request.writeBytes(body);
        return request.toByteArray();
    }

    /** False when the server closed the connection before taking all of it. */
    private static boolean write(Socket socket, byte[] request) {
        try {
            OutputStream out = socket.getOutputStream();
            for (int from = 0; from < request.length; from += CHUNK) {
                out.write(request, from, Math.min(CHUNK, request.length - from));
            }
            out.flush();
            return true;
        } catch (IOException closedEarly) {
            return false;
        }
    }

    /** Everything the server sent until it closed; what came before a reset is kept. */
    private static byte[] readAll(Socket socket) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            InputStream in = socket.getInputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                received.write(buffer, 0, read);
            }
        } catch (IOException reset) {
            // the answer, if any, is already in received
        }
        return received.toByteArray();
    }
}
