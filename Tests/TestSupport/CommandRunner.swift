import Foundation

/// The result of running the `actorgraph` executable.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// Runs the built `actorgraph` binary (next to the test bundle) with the given arguments.
public func runActorGraph(_ arguments: [String], in directory: URL = RepositoryPaths.root,
                          stdin: String? = nil, environment: [String: String] = [:]) throws -> CommandResult {
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    var binary = products.appendingPathComponent("actorgraph")
    if !FileManager.default.fileExists(atPath: binary.path) {
        // Test bundles can sit one level deeper (…/X.xctest/…); look upwards.
        var folder = products
        while folder.path != "/" && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("actorgraph").path) {
            folder.deleteLastPathComponent()
        }
        binary = folder.appendingPathComponent("actorgraph")
    }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    if !environment.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Read both pipes before waiting, so a large output cannot block the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}
