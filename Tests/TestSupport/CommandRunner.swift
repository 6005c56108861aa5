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
    try runProduct(name: "actorgraph", arguments: arguments, in: directory, stdin: stdin, environment: environment)
}
