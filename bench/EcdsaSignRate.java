import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * The machine's ES256 signing rate on one thread, plain JCA: the floor under the token endpoint.
 * Run: java bench/EcdsaSignRate.java
 */
public class EcdsaSignRate {

	public static void main(String[] args) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair pair = generator.generateKeyPair();
		byte[] data = new byte[400];
		for (int round = 0; round < 3; round++) {
			int n = 20_000;
			long start = System.nanoTime();
			for (int i = 0; i < n; i++) {
				Signature signature = Signature.getInstance("SHA256withECDSA");
				signature.initSign(pair.getPrivate());
				signature.update(data);
				signature.sign();
			}
			System.out.printf("signatures/s on one thread: %.0f%n", n * 1e9 / (System.nanoTime() - start));
		}
	}

}
