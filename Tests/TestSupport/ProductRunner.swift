import Foundation

/// The folder holding the built products: the one next to the running test bundle that has
/// `actorgraph` in it (test bundles can sit one level deeper, …/X.xctest/…, so it looks upwards).
public func builtProductsFolder() -> URL {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let start = folder
    while folder.path != "/" && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("actorgraph").path) {
        folder.deleteLastPathComponent()
    }
    return folder.path == "/" ? start : folder
}

/// Runs the built executable product `name` (found beside `actorgraph`) with `arguments` in
/// `directory`, feeding it `stdin` (none: an empty input) and `environment` on top of ours, and
/// returns its status and output.
public func runProduct(name: String, arguments: [String], in directory: URL = RepositoryPaths.root,
                       stdin: String? = nil, environment: [String: String] = [:]) throws -> CommandResult {
    let process = Process()
    process.executableURL = builtProductsFolder().appendingPathComponent(name)
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
