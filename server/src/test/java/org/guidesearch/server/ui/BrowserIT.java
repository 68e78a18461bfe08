package org.guidesearch.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.guidesearch.server.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A page driven in headless Chromium against the one running service all browser tests share: a browser per test
 * class, and no page may raise an uncaught script error.
 */
@ExtendWith(SharedService.class)
abstract class BrowserIT {
    static RunningService service;
    static Browser browser;

    @BeforeAll
    static void startBrowser(RunningService shared) throws Exception {
        service = shared;
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.close();
    }

    @AfterEach
    void pageRaisedNoScriptErrors() {
        assertThat(browser.pageErrors())
                .as("uncaught script errors on %s", browser.driver().getCurrentUrl())
                .isEmpty();
    }
}
