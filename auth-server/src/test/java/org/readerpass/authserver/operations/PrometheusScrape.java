package org.readerpass.authserver.operations;

import java.util.Map;

/** The text of {@code /actuator/prometheus}, read as Prometheus reads it. */
public record PrometheusScrape(String text) {

	public static PrometheusScrape of(int managementPort) {
		LoopbackHttp.Answer answer = LoopbackHttp.get(managementPort, "/actuator/prometheus");
		if (answer.status() != 200) {
			throw new AssertionError("scrape failed: " + answer.status());
		}
		return new PrometheusScrape(answer.body());
	}

	/** The value of the series with these labels (and maybe others), 0 when there is none. */
	public double value(String name, Map<String, String> labels) {
		for (String line : this.text.split("\n")) {
			if (line.startsWith(name + "{") && labels.entrySet()
				.stream()
				.allMatch((label) -> line.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
				return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return 0;
	}

	/** Whether a series of this name with these labels is there. */
	public boolean has(String name, Map<String, String> labels) {
		for (String line : this.text.split("\n")) {
			if (line.startsWith(name + "{") && labels.entrySet()
				.stream()
				.allMatch((label) -> line.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
				return true;
			}
		}
		return false;
	}

}
