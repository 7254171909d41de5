package org.readerpass.adminui.archfixture;

import org.springframework.web.bind.annotation.RestController;

/** A controller for {@link ControllerCallingStore} to call. */
@RestController
public class FixtureController {

	public String answer() {
		return "answer";
	}

}
