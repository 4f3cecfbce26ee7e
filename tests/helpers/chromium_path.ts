/** Where CI installs Chromium (`apt-get install -y chromium`); the browser suites launch it. */
export const CHROMIUM = "/usr/bin/chromium";
