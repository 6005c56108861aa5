import Foundation

/// The Python interpreter used for cross-checks against networkx and pydot: $ACTORGRAPH_PYTHON
/// (scripts/test points it at a virtual environment with pydot installed), else python3.
public enum PythonOracle {
    public static let interpreter: String = ProcessInfo.processInfo.environment["ACTORGRAPH_PYTHON"] ?? "/usr/bin/env"

    static var prefix: [String] { interpreter == "/usr/bin/env" ? ["python3"] : [] }

    /// Runs a Python script from scripts/ with arguments; returns (status, stdout, stderr).
    public static func run(_ script: String, _ arguments: [String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = prefix + [RepositoryPaths.url(script).path] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// Whether the interpreter can import all of `modules`.
    public static func has(_ modules: String...) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = prefix + ["-c", "import " + modules.joined(separator: ", ")]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
