package io.loopguard.agent.record;

import java.io.File;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketImpl;
import java.net.URLConnection;
import java.net.http.HttpRequest;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.sql.Statement;

import io.loopguard.agent.catalogue.Site;
import io.loopguard.format.Category;

/**
 * Turns the context object an instrumented call handed to the runtime into the contract's {@code detail}: the file
 * path, {@code host:port}, host name or masked SQL, else null. Runs once per new call site, on the recording thread
 * (under the call-depth guard, so what it does itself is not recorded). Only public JDK API is used.
 */
final class DetailFormatter {
    private final SqlRegistry sql;

    DetailFormatter(SqlRegistry sql) {
        this.sql = sql;
    }

    String describe(Site site, Object context) {
        try {
            return describe(site.category(), context);
        } catch (Exception | LinkageError e) {
            return null; // a detail is a convenience; never let it cost the call site
        }
    }

    private String describe(Category category, Object context) throws Exception {
        if (context == null) {
            return null;
        }
        if (context instanceof String) {
            String text = (String) context;
            return category == Category.JDBC ? (text.startsWith("jdbc:") ? maskUrl(text) : SqlMasker.mask(text)) : text;
        }
        if (context instanceof Statement) {
            return SqlMasker.mask(sql.sqlOf(context));
        }
        if (context instanceof Path || context instanceof File) {
            return context.toString();
        }
        if (context instanceof SocketAddress) {
            return address((SocketAddress) context);
        }
        if (context instanceof SocketChannel) {
            return address(((SocketChannel) context).getRemoteAddress());
        }
        if (context instanceof DatagramChannel) {
            SocketAddress remote = ((DatagramChannel) context).getRemoteAddress();
            return remote != null ? address(remote) : address(((DatagramChannel) context).getLocalAddress());
        }
        if (context instanceof NetworkChannel) {
            return address(((NetworkChannel) context).getLocalAddress());
        }
        if (context instanceof DatagramPacket) {
            return address(((DatagramPacket) context).getSocketAddress());
        }
        if (context instanceof SocketImpl) {
            return socketImpl(context.toString());
        }
        if (context instanceof URLConnection) {
            return ((URLConnection) context).getURL().toString();
        }
        if (context instanceof HttpRequest) {
            HttpRequest request = (HttpRequest) context;
            return request.method() + " " + request.uri();
        }
        if (context instanceof InetAddress) {
            return ((InetAddress) context).getHostAddress();
        }
        if (context instanceof ProcessBuilder) {
            return String.join(" ", ((ProcessBuilder) context).command());
        }
        if (context instanceof Process) {
            Process process = (Process) context;
            return process.info().commandLine().orElse("pid " + process.pid());
        }
        return null;
    }

    private static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress) {
            InetSocketAddress inet = (InetSocketAddress) address;
            return inet.getHostString() + ":" + inet.getPort();
        }
        return address == null ? null : address.toString();
    }

    /** {@code SocketImpl.toString()} is {@code Socket[addr=host/1.2.3.4,port=5432,localport=40000]}. */
    static String socketImpl(String text) {
        int addr = text.indexOf("addr=");
        int port = text.indexOf(",port=");
        if (addr < 0 || port < 0) {
            return null;
        }
        String host = text.substring(addr + 5, port);
        int slash = host.indexOf('/');
        if (slash == 0) {
            host = host.substring(1);
        } else if (slash > 0) {
            host = host.substring(0, slash);
        }
        int portEnd = text.indexOf(',', port + 6);
        return host + ":" + text.substring(port + 6, portEnd < 0 ? text.length() - 1 : portEnd);
    }

    /** A JDBC URL without its query string or properties, which may carry a password. */
    private static String maskUrl(String url) {
        int cut = url.length();
        for (char c : new char[] {'?', ';'}) {
            int i = url.indexOf(c);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        int at = url.lastIndexOf('@', cut);
        int scheme = url.indexOf("//");
        String head = at > scheme && scheme > 0 ? url.substring(0, scheme + 2) + url.substring(at + 1, cut) : url.substring(0, cut);
        return cut < url.length() ? head + "?…" : head;
    }
}
