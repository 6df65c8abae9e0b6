package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.agent.it.support.TargetIO;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * {@code DatagramSocket} on a registered thread ({@code udp-loop}): a socket connected to a peer (an unregistered
 * echo on {@code main}'s helper thread) that sends and receives, and an unconnected one whose receive times out.
 * Facts: the ports, so the test can check each detail.
 */
public final class DatagramTarget {

    public static void main(String[] args) throws Exception {
        try (DatagramSocket echo = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int echoPort = echo.getLocalPort();
            fact("echoPort", echoPort);
            Thread echoer = new Thread(() -> {
                try {
                    DatagramPacket p = new DatagramPacket(new byte[64], 64);
                    echo.receive(p);
                    echo.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
                } catch (Exception e) {
                    fact("echo", e);
                }
            }, "echo");
            echoer.start();
            fact("failure", TargetIO.runOn("udp-loop", true, () -> {
                try (DatagramSocket connected = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
                    connected.connect(new InetSocketAddress("127.0.0.1", echoPort));
                    byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
                    connected.send(new DatagramPacket(ping, ping.length));
                    DatagramPacket reply = new DatagramPacket(new byte[64], 64);
                    connected.receive(reply);
                    fact("reply", new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII));
                }
                try (DatagramSocket unconnected = new DatagramSocket(0)) {
                    fact("unconnectedPort", unconnected.getLocalPort());
                    unconnected.setSoTimeout(50);
                    try {
                        unconnected.receive(new DatagramPacket(new byte[64], 64));
                    } catch (SocketTimeoutException expected) {
                        fact("timedOut", "true");
                    }
                }
            }));
            echoer.join(30_000);
        }
        fact("done", "true");
    }

    private DatagramTarget() {
    }
}
