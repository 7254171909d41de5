package org.readerpass.authserver.home;

import org.readerpass.authserver.login.ReaderAuthenticationToken;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: who is signed in, and where an integrator starts. */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		if (authentication instanceof ReaderAuthenticationToken reader) {
			model.addAttribute("reader", reader.getPrincipal());
		}
		return "home";
	}

}
