// `DeploySettings`, `TrafficModel` and the rest of what a `StackDefinition`
// takes live in Deploy; `import GenCommand` brings them along.
@_exported import Deploy
