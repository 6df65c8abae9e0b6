package io.loopguard.agent.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SocketFamilyTest {
    @Test
    void socketImplTextBecomesHostAndPort() {
        assertThat(SocketFamily.socketImpl("Socket[addr=localhost/127.0.0.1,port=5432,localport=41000]")).isEqualTo("localhost:5432");
        assertThat(SocketFamily.socketImpl("Socket[addr=/10.0.0.2,port=80,localport=1]")).isEqualTo("10.0.0.2:80");
        assertThat(SocketFamily.socketImpl("Socket[unconnected]")).isNull();
        // Issue 13: a ServerSocket's accept names the port it listens on, not 0.0.0.0:0
        assertThat(SocketFamily.socketImpl("Socket[addr=0.0.0.0/0.0.0.0,port=0,localport=8080]")).isEqualTo("0.0.0.0:8080");
    }
}
