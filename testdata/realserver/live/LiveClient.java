// LiveClient.java: the real Java 17 TLS client (JSSE, its defaults) against one site, for
// simulate-live.sh. Run as a single-file program: java LiveClient.java NAME PORT ROOT.pem
// It trusts only ROOT.pem (loaded from PEM, no keytool store needed), sends NAME as SNI, checks
// the host name the way HTTPS does (endpoint identification "HTTPS") and prints one line:
//   ok VERSION SUITE                    the handshake completed and the chain verified
//   fail certificate|handshake WHY      the stage it failed at, and JSSE's message
// Java cannot pin the verification time: the caller compares with a simulation at the real clock.
import java.io.FileInputStream;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

public class LiveClient {
	public static void main(String[] args) throws Exception {
		String name = args[0];
		int port = Integer.parseInt(args[1]);
		KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
		trust.load(null, null);
		try (FileInputStream in = new FileInputStream(args[2])) {
			trust.setCertificateEntry("testroot",
				CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory tmf =
			TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		tmf.init(trust);
		SSLContext ctx = SSLContext.getInstance("TLS");
		ctx.init(null, tmf.getTrustManagers(), null);
		// Layered on a plain socket to 127.0.0.1, so that NAME (not the address) is the peer
		// host that endpoint identification checks the certificate against.
		try (Socket raw = new Socket("127.0.0.1", port);
			SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(raw, name, port, true)) {
			s.setSoTimeout(10000);
			SSLParameters p = s.getSSLParameters();
			p.setServerNames(List.of(new SNIHostName(name)));
			p.setEndpointIdentificationAlgorithm("HTTPS");
			s.setSSLParameters(p);
			s.startHandshake();
			System.out.println("ok " + s.getSession().getProtocol() + " " +
				s.getSession().getCipherSuite());
		} catch (javax.net.ssl.SSLException e) {
			// A rejected chain or name surfaces as an SSLHandshakeException whose cause chain
			// holds a CertificateException; any other SSLException is the handshake itself.
			String stage = "handshake";
			for (Throwable t = e; t != null; t = t.getCause()) {
				if (t instanceof CertificateException) {
					stage = "certificate";
				}
			}
			System.out.println("fail " + stage + " " + e.getMessage());
		}
	}
}
