package dev.faultline.cli;

import dev.faultline.faults.proxy.FaultProxyServer;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code faultline proxy}: runs the fault proxy alone, speaking the Toxiproxy HTTP API (and Faultline's lease
 * extension) until it is stopped with Ctrl-C or SIGTERM. Plans reach it with {@code target.fault-proxy}.
 */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = "Run the Toxiproxy-compatible fault proxy alone until Ctrl-C or SIGTERM.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "3:the API port could not be bound"})
final class ProxyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "localhost", description = "Address the API listens on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8474", description = "API port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0..65535, not " + port);
        }
        FaultProxyServer server = FaultProxyServer.start(host, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "fault-proxy-shutdown"));
        spec.commandLine().getOut().printf("fault proxy API listening on %s:%d (Toxiproxy API; lease extension at "
                + "/proxies/{name}/lease)%n", server.apiHost(), server.apiPort());
        spec.commandLine().getOut().flush();
        server.awaitClosed();
        return ExitCode.PASSED.code();
    }
}
