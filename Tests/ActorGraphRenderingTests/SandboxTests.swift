import ActorGraphFormats
@testable import ActorGraphRendering
import Foundation
import Testing
import TestSupport

/// The sandbox's process handling, with stand-in workers (`sh`), and its worker for real.
struct SandboxTests {
    static func shell(_ script: String, timeout: Double = 5, maxOutput: Int = 1 << 20, input: [UInt8] = []) throws
        -> SandboxedProcess.Result {
        try SandboxedProcess(executable: "/bin/sh", arguments: ["-c", script], input: input, timeout: timeout,
                             maxOutput: maxOutput).run()
    }

    @Test func endingsAreTold() throws {
        #expect(try Self.shell("exit 3").ending == .exited(3))
        #expect(try Self.shell("kill -SEGV $$").ending == .signalled(SIGSEGV))
        #expect(try Self.shell("kill -ABRT $$").ending == .signalled(SIGABRT))
        let hang = try Self.shell("sleep 30", timeout: 0.5)
        #expect(hang.ending == .timedOut)
        #expect(hang.seconds < 3)
        #expect(try Self.shell("yes", maxOutput: 10_000).ending == .outputTooLarge)
    }

    @Test func inputAndOutputPass() throws {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 3_000_000)
        let r = try Self.shell("cat; echo err >&2", maxOutput: 4 << 20, input: big)
        #expect(r.ending == .exited(0))
        #expect(r.output.count == big.count)
        #expect(String(decoding: r.errorOutput, as: UTF8.self) == "err\n")
        // A child that does not read its input does not block or kill the parent (no SIGPIPE).
        let early = try Self.shell("exit 0", input: big)
        #expect(early.ending == .exited(0))
    }

    static var worker: String { builtProductsFolder().appendingPathComponent("actorgraph").path }

    @Test func workerFailuresBecomeErrorsNamingTheFile() throws {
        let crashing = DOTSandbox(worker: "/bin/sh", workerArguments: ["-c", "kill -SEGV $$", "sh"])
        #expect {
            try crashing.parse(utf8Text: Array("digraph { a -> b }".utf8), file: "x.gv")
        } throws: { error in
            "\(error)".contains("x.gv: error: Graphviz crashed (SIGSEGV) while parsing the file; nothing was imported")
        }
        let hanging = DOTSandbox(worker: "/bin/sh", workerArguments: ["-c", "sleep 30", "sh"], timeout: 0.5)
        #expect { try hanging.parse(utf8Text: Array("digraph { }".utf8), file: "h.gv") } throws: { error in
            "\(error)".contains("h.gv: error: Graphviz did not finish within 0.5 s")
        }
        let exiting = DOTSandbox(worker: "/bin/sh", workerArguments: ["-c", "echo 'Error: out of memory' >&2; exit 1", "sh"])
        #expect { try exiting.parse(utf8Text: Array("digraph { }".utf8), file: "m.gv") } throws: { error in
            "\(error)".contains("ran out of memory") && "\(error)".contains("exited with status 1")
        }
        let garbage = DOTSandbox(worker: "/bin/sh", workerArguments: ["-c", "echo '{not json'", "sh"])
        #expect { try garbage.parse(utf8Text: Array("digraph { }".utf8), file: "g.gv") } throws: { error in
            "\(error)".contains("a reply that cannot be read")
        }
    }

    @Test func theWorkerParsesAsTheInProcessParserDoes() throws {
        let text = "digraph G {\n  a [label=\"Alpha\", kind=government];\n  a -> b [type=opposes];\n  b -> c;\n}\n"
        let sandbox = DOTSandbox(worker: Self.worker)
        let inWorker = try sandbox.parse(utf8Text: Array(text.utf8), file: "t.gv")
        let inProcess = try DOTImporter.data(fromDOT: text, file: "t.gv")
        #expect(inWorker == inProcess)
        #expect { try sandbox.parse(utf8Text: Array("digraph { a -> ; }".utf8), file: "s.gv") } throws: { error in
            "\(error)".contains("s.gv:1: error: syntax error")
        }
        let (engine, _) = try sandbox.layout(utf8Text: Array("graph { layout=neato; a -- b }".utf8), file: "n.gv")
        #expect(engine == "neato")
    }
}
