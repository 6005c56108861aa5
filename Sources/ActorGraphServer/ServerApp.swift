import Foundation
import Hummingbird

/// The HTTP layer: Hummingbird 2 over SwiftNIO, one responder that hands every request to
/// ``APIHandler`` (the body read up to the limit, 413 past it), and a service that polls the
/// graph file for changes.
public enum ServerApp {
    struct Responder: HTTPResponder {
        typealias Context = BasicRequestContext
        let handler: APIHandler

        func respond(to request: Request, context: Context) async throws -> Response {
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: handler.limits.maxBody)
            } catch {
                return response(.error(413, "the body is larger than \(handler.limits.maxBody) bytes"))
            }
            let answer = await handler.respond(APIRequest(method: request.method.rawValue, target: request.uri.string,
                                                          body: Data(body.readableBytesView)))
            return response(answer)
        }

        func response(_ answer: APIResponse) -> Response {
            var headers = HTTPFields()
            headers[.contentType] = answer.contentType
            headers[.cacheControl] = "no-store"
            headers[.init("X-Content-Type-Options")!] = "nosniff"
            return Response(status: HTTPResponse.Status(code: answer.status), headers: headers,
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
        }
    }

    /// Polls the graph file every `interval` and reloads it when it changed, until cancelled.
    static func poll(_ store: GraphStore, every interval: Duration) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            if store.reloadIfChanged() {
                FileHandle.standardOutput.write(Data("reloaded \(store.url.path) (version \(store.snapshot.version))\n".utf8))
            }
        }
    }

    /// Serves `handler` on `host:port` until SIGINT or SIGTERM; `ready` is called with the
    /// address actually bound (port 0 picks a free port).
    public static func run(handler: APIHandler, host: String, port: Int, pollInterval: Duration = .seconds(1),
                           ready: @escaping @Sendable (String) -> Void) async throws {
        let app = Application(
            responder: Responder(handler: handler),
            // A connection idle for 30 s is closed (slow or abandoned clients hold nothing).
            server: .http1(configuration: .init(idleTimeout: .seconds(30))),
            configuration: .init(address: .hostname(host, port: port), serverName: "actorgraph"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                ready("http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/")
            })
        let store = handler.store
        let poller = Task { await poll(store, every: pollInterval) }
        defer { poller.cancel() }
        try await app.runService()
    }
}
