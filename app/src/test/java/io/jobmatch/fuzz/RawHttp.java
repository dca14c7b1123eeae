package io.jobmatch.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, one request per connection: the request line, headers and body go out byte for byte,
 * so a fuzzed request can hold what a well-behaved client refuses to send (an odd method, raw bytes and bad
 * escapes in the path, invalid UTF-8).
 */
final class RawHttp {

    record Response(int status, String text) {}

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Response send(String method, byte[] target, String contentType, String authorization, byte[] body) {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(60_000);
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
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "no answer to " + method + " " + new String(target, StandardCharsets.UTF_8), e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        // Netty answers a request it cannot parse (a request line past its limit) as HTTP/1.0.
        if (!text.startsWith("HTTP/1.1 ") && !text.startsWith("HTTP/1.0 ")) {
            throw new IOException("not an HTTP response: " + text.substring(0, Math.min(200, text.length())));
        }
        return new Response(Integer.parseInt(text.substring(9, 12)), text);
    }
}
