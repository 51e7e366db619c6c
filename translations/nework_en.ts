<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About NeWork</source>
        <extracomment>The policy links About offers, in this order.</extracomment>
        <translation>About NeWork</translation>
    </message>
    <message>
        <source>NeWork Desktop</source>
        <translation>NeWork Desktop</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>© {company}. All rights reserved.</source>
        <translation>© {company}. All rights reserved.</translation>
    </message>
    <message>
        <source>The desktop app of NeWork, the video-communication service of NTT Communications. It keeps the promises of its privacy policy in code.</source>
        <translation>The desktop app of NeWork, the video-communication service of NTT Communications. It keeps the promises of its privacy policy in code.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Opens {url} in your web browser</source>
        <translation>Opens {url} in your web browser</translation>
    </message>
    <message>
        <source>&amp;Licence notices</source>
        <translation>&amp;Licence notices</translation>
    </message>
    <message>
        <source>Licence notices</source>
        <translation>Licence notices</translation>
    </message>
    <message>
        <source>The open-source software NeWork Desktop is built from, and its licences</source>
        <translation>The open-source software NeWork Desktop is built from, and its licences</translation>
    </message>
</context>
<context>
    <name>BrowserPage</name>
    <message>
        <source>Continue in your web browser: sign in with {provider} there, then come back.</source>
        <translation>Continue in your web browser: sign in with {provider} there, then come back.</translation>
    </message>
    <message>
        <source>Waiting for the browser</source>
        <translation>Waiting for the browser</translation>
    </message>
    <message>
        <source>If your browser did not open, copy the link and open it in your browser.</source>
        <translation type="vanished">If your browser did not open, copy the link and open it in your browser.</translation>
    </message>
    <message>
        <source>Sign in with {provider}</source>
        <extracomment>How long &quot;Copied&quot; stays on the button.</extracomment>
        <translation>Sign in with {provider}</translation>
    </message>
    <message>
        <source>The sign-in page opens in your web browser. If you do not see it, copy the link and open it there.</source>
        <translation>The sign-in page opens in your web browser. If you do not see it, copy the link and open it there.</translation>
    </message>
    <message>
        <source>Link copied. Paste it into your browser&apos;s address bar.</source>
        <translation>Link copied. Paste it into your browser&apos;s address bar.</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Copy the sign-in link</source>
        <translation>Copy the sign-in link</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel the sign-in</source>
        <translation>Cancel the sign-in</translation>
    </message>
    <message>
        <source>The browser did not open. Copy the link and open it in your browser.</source>
        <translation>The browser did not open. Copy the link and open it in your browser.</translation>
    </message>
</context>
<context>
    <name>ChangesPage</name>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>Summary of the changes to the privacy policy since you last agreed</source>
        <translation>Summary of the changes to the privacy policy since you last agreed</translation>
    </message>
    <message>
        <source>Continue to the full text</source>
        <translation>Continue to the full text</translation>
    </message>
    <message>
        <source>You agreed to the version effective {0}. The privacy policy has changed since then, so NeWork asks for your consent again.</source>
        <translation>You agreed to the version effective {0}. The privacy policy has changed since then, so NeWork asks for your consent again.</translation>
    </message>
    <message>
        <source>Revisions since then</source>
        <translation>Revisions since then</translation>
    </message>
    <message>
        <source>Effective {0} (announced {1})</source>
        <translation>Effective {0} (announced {1})</translation>
    </message>
    <message>
        <source>About this version</source>
        <translation>About this version</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>Register or sign in</source>
        <extracomment>Provider id → its button (the dialog connects them to the browser page).</extracomment>
        <translation>Register or sign in</translation>
    </message>
    <message>
        <source>To use NeWork, register a user ID: an e-mail address, or an account of Google, business d account, Apple or Microsoft. Your registration data is not given to third parties.</source>
        <translation>To use NeWork, register a user ID: an e-mail address, or an account of Google, business d account, Apple or Microsoft. Your registration data is not given to third parties.</translation>
    </message>
    <message>
        <source>About registration</source>
        <translation>About registration</translation>
    </message>
    <message>
        <source>You were signed in as {email} ({provider}). Please sign in again.</source>
        <translation>You were signed in as {email} ({provider}). Please sign in again.</translation>
    </message>
    <message>
        <source>This computer has no secure password storage (keyring). You can sign in, but NeWork keeps the sign-in only until it quits and will ask again next time.</source>
        <translation type="vanished">This computer has no secure password storage (keyring). You can sign in, but NeWork keeps the sign-in only until it quits and will ask again next time.</translation>
    </message>
    <message>
        <source>This computer has no secure password storage ({store}). You can sign in, but NeWork keeps the sign-in only until it quits and will ask again next time.</source>
        <translation>This computer has no secure password storage ({store}). You can sign in, but NeWork keeps the sign-in only until it quits and will ask again next time.</translation>
    </message>
    <message>
        <source>&amp;E-mail address</source>
        <translation>&amp;E-mail address</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>E-mail address</translation>
    </message>
    <message>
        <source>NeWork sends a one-time code to this address</source>
        <translation>NeWork sends a one-time code to this address</translation>
    </message>
    <message>
        <source>Send code</source>
        <translation>Send code</translation>
    </message>
    <message>
        <source>Sends a one-time code to this address</source>
        <translation>Sends a one-time code to this address</translation>
    </message>
    <message>
        <source>{provider}: sign in</source>
        <translation>{provider}: sign in</translation>
    </message>
    <message>
        <source>Send a one-time code to this address</source>
        <translation type="vanished">Send a one-time code to this address</translation>
    </message>
    <message>
        <source>Or continue with an account of:</source>
        <translation>Or continue with an account of:</translation>
    </message>
    <message>
        <source>Sign in with {provider}</source>
        <translation type="vanished">Sign in with {provider}</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation type="vanished">e-mail</translation>
    </message>
    <message>
        <source>Not available: this NeWork build has no sign-in set up for it.</source>
        <translation>Not available: this NeWork build has no sign-in set up for it.</translation>
    </message>
    <message>
        <source>Not available yet: the provider&apos;s sign-in is not configured.</source>
        <translation>Not available yet: the provider&apos;s sign-in is not configured.</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>We sent a one-time code to {email}. Enter it below. The code is valid for {minutes} minutes.</source>
        <translation>We sent a one-time code to {email}. Enter it below. The code is valid for {minutes} minutes.</translation>
    </message>
    <message>
        <source>One-time &amp;code</source>
        <translation>One-time &amp;code</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Sign in with this code</source>
        <translation>Sign in with this code</translation>
    </message>
    <message>
        <source>Use another address</source>
        <translation>Use another address</translation>
    </message>
    <message>
        <source>Use another e-mail address</source>
        <translation type="vanished">Use another e-mail address</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>Send a new code</translation>
    </message>
    <message>
        <source>Resend code ({seconds} s)</source>
        <translation>Resend code ({seconds} s)</translation>
    </message>
    <message>
        <source>Resend code</source>
        <translation>Resend code</translation>
    </message>
    <message>
        <source>Enter the code</source>
        <extracomment>The code request being answered (None when the page is not in use).</extracomment>
        <translation>Enter the code</translation>
    </message>
    <message>
        <source>Back to the first page, to use another e-mail address</source>
        <translation>Back to the first page, to use another e-mail address</translation>
    </message>
    <message>
        <source>Attempts left: {n}</source>
        <translation>Attempts left: {n}</translation>
    </message>
    <message>
        <source>Attempts left</source>
        <translation>Attempts left</translation>
    </message>
</context>
<context>
    <name>CollectTable</name>
    <message>
        <source>Information</source>
        <extracomment>Room around a cell&apos;s text (the style&apos;s margins and the grid). Latin words (and numbers) that must not be broken inside; CJK text may break anywhere. Columns whose labels are short and break only at a space: the plans. The narrowest a wrapping column becomes, in full-width characters (item, purpose, how).</extracomment>
        <translation>Information</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>How it is collected</source>
        <translation>How it is collected</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>All plans</source>
        <translation>All plans</translation>
    </message>
    <message>
        <source>Enterprise only</source>
        <translation>Enterprise only</translation>
    </message>
</context>
<context>
    <name>CollectedPage</name>
    <message>
        <source>What is collected</source>
        <extracomment>The module choices just recorded (module id → allowed).</extracomment>
        <translation>What is collected</translation>
    </message>
    <message>
        <source>The information NeWork collects, why, and how (Article 2 of the privacy policy). The app collects nothing that is not in this table.</source>
        <translation>The information NeWork collects, why, and how (Article 2 of the privacy policy). The app collects nothing that is not in this table.</translation>
    </message>
    <message>
        <source>Information collected (Article 2)</source>
        <translation>Information collected (Article 2)</translation>
    </message>
    <message>
        <source>Collection modules</source>
        <translation>Collection modules</translation>
    </message>
    <message>
        <source>Third-party programs that collect usage data (Article 2-2). A change takes effect at once: a module you switch off gets nothing more from this app, and its cookies are deleted. Your choice is added to your consent record.</source>
        <translation>Third-party programs that collect usage data (Article 2-2). A change takes effect at once: a module you switch off gets nothing more from this app, and its cookies are deleted. Your choice is added to your consent record.</translation>
    </message>
    <message>
        <source>Uses cookies. Switch it off below to stop it in this app.</source>
        <translation>Uses cookies. Switch it off below to stop it in this app.</translation>
    </message>
    <message>
        <source>Switch it off below to stop it in this app.</source>
        <translation>Switch it off below to stop it in this app.</translation>
    </message>
    <message>
        <source>Uses cookies. Uncheck to switch it off in this app.</source>
        <translation type="vanished">Uses cookies. Uncheck to switch it off in this app.</translation>
    </message>
    <message>
        <source>Uncheck to switch it off in this app.</source>
        <translation type="vanished">Uncheck to switch it off in this app.</translation>
    </message>
    <message>
        <source>Result of the last change</source>
        <translation>Result of the last change</translation>
    </message>
    <message>
        <source>There is no consent on record: nothing was changed.</source>
        <translation>There is no consent on record: nothing was changed.</translation>
    </message>
    <message>
        <source>Your choice could not be saved, so nothing was changed. Check that the disk is not full and try again.</source>
        <translation>Your choice could not be saved, so nothing was changed. Check that the disk is not full and try again.</translation>
    </message>
    <message>
        <source>{name} is on again.</source>
        <translation>{name} is on again.</translation>
    </message>
    <message>
        <source>{name} is off: nothing more is sent to it from this app, and its cookies were deleted.</source>
        <translation>{name} is off: nothing more is sent to it from this app, and its cookies were deleted.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Records your consent to this privacy policy and starts NeWork</source>
        <translation>Records your consent to this privacy policy and starts NeWork</translation>
    </message>
    <message>
        <source>Please read to the end</source>
        <translation>Please read to the end</translation>
    </message>
    <message>
        <source>{0}: Agree becomes available once you reach the end of the text.</source>
        <translation>{0}: Agree becomes available once you reach the end of the text.</translation>
    </message>
    <message>
        <source>Unavailable until the text has been read to the end</source>
        <translation>Unavailable until the text has been read to the end</translation>
    </message>
    <message>
        <source>Declines the privacy policy and closes NeWork without saving anything</source>
        <translation>Declines the privacy policy and closes NeWork without saving anything</translation>
    </message>
    <message>
        <source>You agreed to the version effective {0}. The privacy policy has changed since then, so NeWork asks for your consent again.</source>
        <translation type="vanished">You agreed to the version effective {0}. The privacy policy has changed since then, so NeWork asks for your consent again.</translation>
    </message>
    <message>
        <source>Revisions since then</source>
        <translation type="vanished">Revisions since then</translation>
    </message>
    <message>
        <source>Effective {0} (announced {1})</source>
        <translation type="vanished">Effective {0} (announced {1})</translation>
    </message>
    <message>
        <source>About this version</source>
        <translation type="vanished">About this version</translation>
    </message>
    <message>
        <source>NeWork — Privacy policy</source>
        <translation>NeWork — Privacy policy</translation>
    </message>
    <message>
        <source>The NeWork privacy policy has changed</source>
        <translation type="vanished">The NeWork privacy policy has changed</translation>
    </message>
    <message>
        <source>Before you start NeWork, please read its privacy policy</source>
        <translation type="vanished">Before you start NeWork, please read its privacy policy</translation>
    </message>
    <message>
        <source>{0} — {1}, effective {2}</source>
        <translation type="vanished">{0} — {1}, effective {2}</translation>
    </message>
    <message>
        <source>This is a translation; the Japanese text prevails.</source>
        <translation type="vanished">This is a translation; the Japanese text prevails.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="vanished">&amp;Language:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="vanished">Language</translation>
    </message>
    <message>
        <source>Shows the privacy policy and this window in another language</source>
        <translation type="vanished">Shows the privacy policy and this window in another language</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="vanished">What changed</translation>
    </message>
    <message>
        <source>Summary of the changes to the privacy policy since you last agreed</source>
        <translation type="vanished">Summary of the changes to the privacy policy since you last agreed</translation>
    </message>
    <message>
        <source>Continue to the full text</source>
        <translation type="vanished">Continue to the full text</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation type="vanished">&amp;Contents</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation type="vanished">Table of contents</translation>
    </message>
    <message>
        <source>Choose an article to jump to it in the text</source>
        <translation type="vanished">Choose an article to jump to it in the text</translation>
    </message>
    <message>
        <source>Full &amp;text</source>
        <translation type="vanished">Full &amp;text</translation>
    </message>
    <message>
        <source>Privacy policy, full text</source>
        <translation type="vanished">Privacy policy, full text</translation>
    </message>
    <message>
        <source>Read to the end to enable Agree. Page Down and End scroll the text.</source>
        <translation type="vanished">Read to the end to enable Agree. Page Down and End scroll the text.</translation>
    </message>
    <message>
        <source>Read: %p %</source>
        <translation type="vanished">Read: %p %</translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation type="vanished">Reading progress</translation>
    </message>
    <message>
        <source>What we collect</source>
        <translation type="vanished">What we collect</translation>
    </message>
    <message>
        <source>A summary of Article 2. The full text is what you agree to; if the two differ, the full text applies.</source>
        <translation type="vanished">A summary of Article 2. The full text is what you agree to; if the two differ, the full text applies.</translation>
    </message>
    <message>
        <source>Summary of the information collected, and the collection modules</source>
        <translation type="vanished">Summary of the information collected, and the collection modules</translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="vanished">Information</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="vanished">Purpose</translation>
    </message>
    <message>
        <source>How it is collected</source>
        <translation type="vanished">How it is collected</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation type="vanished">Plans</translation>
    </message>
    <message>
        <source>All plans</source>
        <translation type="vanished">All plans</translation>
    </message>
    <message>
        <source>Enterprise only</source>
        <translation type="vanished">Enterprise only</translation>
    </message>
    <message>
        <source>Information collected (Article 2)</source>
        <translation type="vanished">Information collected (Article 2)</translation>
    </message>
    <message>
        <source>One row per purpose: information, purpose, how it is collected, plans</source>
        <translation type="vanished">One row per purpose: information, purpose, how it is collected, plans</translation>
    </message>
    <message>
        <source>Collection modules</source>
        <translation type="vanished">Collection modules</translation>
    </message>
    <message>
        <source>Third-party programs that collect usage data (Article 2-2). Uncheck a module to keep this app from sending anything to it.</source>
        <translation type="vanished">Third-party programs that collect usage data (Article 2-2). Uncheck a module to keep this app from sending anything to it.</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation type="vanished">Documents:</translation>
    </message>
    <message>
        <source>Company privacy policy</source>
        <translation type="vanished">Company privacy policy</translation>
    </message>
    <message>
        <source>Terms of use</source>
        <translation type="vanished">Terms of use</translation>
    </message>
    <message>
        <source>This policy (latest, PDF)</source>
        <translation type="vanished">This policy (latest, PDF)</translation>
    </message>
    <message>
        <source>Contact form</source>
        <translation type="vanished">Contact form</translation>
    </message>
    <message>
        <source>Opens {0} in your web browser</source>
        <translation type="vanished">Opens {0} in your web browser</translation>
    </message>
    <message>
        <source>Decline (quit)</source>
        <translation>Decline (quit)</translation>
    </message>
    <message>
        <source>Decline and quit NeWork</source>
        <translation type="vanished">Decline and quit NeWork</translation>
    </message>
    <message>
        <source>Closes NeWork without saving anything</source>
        <translation type="vanished">Closes NeWork without saving anything</translation>
    </message>
    <message>
        <source>Agree and start</source>
        <translation>Agree and start</translation>
    </message>
    <message>
        <source>Agree to the privacy policy and start</source>
        <translation type="vanished">Agree to the privacy policy and start</translation>
    </message>
    <message>
        <source>Decline the privacy policy?</source>
        <translation>Decline the privacy policy?</translation>
    </message>
    <message>
        <source>NeWork will close. Decline?</source>
        <translation>NeWork will close. Decline?</translation>
    </message>
    <message>
        <source>Nothing has been saved. You can start NeWork again at any time.</source>
        <translation>Nothing has been saved. You can start NeWork again at any time.</translation>
    </message>
    <message>
        <source>Keep reading</source>
        <translation>Keep reading</translation>
    </message>
</context>
<context>
    <name>ConsentHeader</name>
    <message>
        <source>The NeWork privacy policy has changed</source>
        <extracomment>The user picked another language (its code).</extracomment>
        <translation>The NeWork privacy policy has changed</translation>
    </message>
    <message>
        <source>Before you start NeWork, please read its privacy policy</source>
        <translation>Before you start NeWork, please read its privacy policy</translation>
    </message>
    <message>
        <source>{0} — {1}, effective {2}</source>
        <translation>{0} — {1}, effective {2}</translation>
    </message>
    <message>
        <source>This is a translation; the Japanese text prevails.</source>
        <translation>This is a translation; the Japanese text prevails.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Shows the privacy policy and this window in another language</source>
        <translation>Shows the privacy policy and this window in another language</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Your consent</source>
        <translation>Your consent</translation>
    </message>
    <message>
        <source>About version {version}</source>
        <translation>About version {version}</translation>
    </message>
    <message>
        <source>View policy</source>
        <translation>View policy</translation>
    </message>
    <message>
        <source>View the privacy policy</source>
        <translation>View the privacy policy</translation>
    </message>
    <message>
        <source>Revision history</source>
        <translation>Revision history</translation>
    </message>
    <message>
        <source>In effect from</source>
        <translation>In effect from</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>Revision history of the policy</source>
        <translation>Revision history of the policy</translation>
    </message>
    <message>
        <source>Your decisions</source>
        <translation>Your decisions</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Policy version</source>
        <translation>Policy version</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Modules</translation>
    </message>
    <message>
        <source>Confirmed by NeWork</source>
        <translation>Confirmed by NeWork</translation>
    </message>
    <message>
        <source>Confirmation by NeWork</source>
        <translation>Confirmation by NeWork</translation>
    </message>
    <message>
        <source>Where this text came from</source>
        <translation>Where this text came from</translation>
    </message>
    <message>
        <source>Your decisions on the privacy policy, newest first</source>
        <translation>Your decisions on the privacy policy, newest first</translation>
    </message>
    <message>
        <source>No consent is on record.</source>
        <translation>No consent is on record.</translation>
    </message>
    <message>
        <source>You agreed to the privacy policy in effect from {effective} (version {version}) on {date}, reading it in {language}.</source>
        <translation>You agreed to the privacy policy in effect from {effective} (version {version}) on {date}, reading it in {language}.</translation>
    </message>
    <message>
        <source>Collection modules: {choices}.</source>
        <translation>Collection modules: {choices}.</translation>
    </message>
    <message>
        <source>Last changed on {date}.</source>
        <translation>Last changed on {date}.</translation>
    </message>
    <message>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>This text came from the NeWork service (version {version}), verified on {date}.</source>
        <translation>This text came from the NeWork service (version {version}), verified on {date}.</translation>
    </message>
    <message>
        <source>This text shipped with NeWork (version {version}); the NeWork service confirmed on {date} that it is current.</source>
        <translation>This text shipped with NeWork (version {version}); the NeWork service confirmed on {date} that it is current.</translation>
    </message>
    <message>
        <source>This text shipped with NeWork (version {version}).</source>
        <translation>This text shipped with NeWork (version {version}).</translation>
    </message>
    <message>
        <source>Confirmed by NeWork on {date}</source>
        <translation>Confirmed by NeWork on {date}</translation>
    </message>
    <message>
        <source>Waiting to be confirmed</source>
        <translation>Waiting to be confirmed</translation>
    </message>
    <message>
        <source>Your latest decision was confirmed by NeWork on {date}.</source>
        <translation>Your latest decision was confirmed by NeWork on {date}.</translation>
    </message>
    <message>
        <source>Your latest decision is waiting to be confirmed by NeWork; the app sends it again by itself, also after a restart.</source>
        <translation>Your latest decision is waiting to be confirmed by NeWork; the app sends it again by itself, also after a restart.</translation>
    </message>
    <message>
        <source>Withdrew consent</source>
        <translation>Withdrew consent</translation>
    </message>
    <message>
        <source>Changed module choices</source>
        <translation>Changed module choices</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Agreed</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>Credential Manager</source>
        <translation>Credential Manager</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>Keychain</translation>
    </message>
    <message>
        <source>keyring</source>
        <translation>keyring</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>Your data on this device</source>
        <extracomment>The sizes were counted (and are shown).</extracomment>
        <translation>Your data on this device</translation>
    </message>
    <message>
        <source>NeWork keeps its data only in these folders. Uninstalling NeWork, or “Delete all local data”, removes all of them.</source>
        <translation>NeWork keeps its data only in these folders. Uninstalling NeWork, or “Delete all local data”, removes all of them.</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Folders</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>What it holds</source>
        <translation>What it holds</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Open folder {path}</source>
        <translation>Open folder {path}</translation>
    </message>
    <message>
        <source>Size of {path}</source>
        <translation>Size of {path}</translation>
    </message>
    <message>
        <source>Recount sizes</source>
        <translation>Recount sizes</translation>
    </message>
    <message>
        <source>Count the folder sizes again</source>
        <translation>Count the folder sizes again</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation>Device ID</translation>
    </message>
    <message>
        <source>A random number made for this installation of NeWork. It is not taken from your computer&apos;s hardware, it identifies only this installation, and it is deleted with the local data.</source>
        <translation>A random number made for this installation of NeWork. It is not taken from your computer&apos;s hardware, it identifies only this installation, and it is deleted with the local data.</translation>
    </message>
    <message>
        <source>consent record, account summary, device ID</source>
        <translation>consent record, account summary, device ID</translation>
    </message>
    <message>
        <source>settings</source>
        <translation>settings</translation>
    </message>
    <message>
        <source>temporary files</source>
        <translation>temporary files</translation>
    </message>
    <message>
        <source>logs</source>
        <translation>logs</translation>
    </message>
    <message>
        <source>record of what was sent, pending requests</source>
        <translation>record of what was sent, pending requests</translation>
    </message>
    <message>
        <source>workspace web data (cookies, storage)</source>
        <translation>workspace web data (cookies, storage)</translation>
    </message>
    <message>
        <source>workspace web cache</source>
        <translation>workspace web cache</translation>
    </message>
    <message>
        <source>Not created yet.</source>
        <translation>Not created yet.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>Not created</source>
        <translation>Not created</translation>
    </message>
</context>
<context>
    <name>DocumentLinks</name>
    <message>
        <source>Documents:</source>
        <translation>Documents:</translation>
    </message>
    <message>
        <source>Company privacy policy</source>
        <translation>Company privacy policy</translation>
    </message>
    <message>
        <source>Terms of use</source>
        <translation>Terms of use</translation>
    </message>
    <message>
        <source>This policy (latest, PDF)</source>
        <translation>This policy (latest, PDF)</translation>
    </message>
    <message>
        <source>Contact form</source>
        <translation>Contact form</translation>
    </message>
    <message>
        <source>Opens {0} in your web browser</source>
        <translation>Opens {0} in your web browser</translation>
    </message>
</context>
<context>
    <name>ErrorPage</name>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>NeWork cannot be reached</source>
        <translation>NeWork cannot be reached</translation>
    </message>
    <message>
        <source>NeWork is having a problem</source>
        <translation>NeWork is having a problem</translation>
    </message>
    <message>
        <source>This address is not allowed</source>
        <translation>This address is not allowed</translation>
    </message>
    <message>
        <source>The connection is not secure</source>
        <translation>The connection is not secure</translation>
    </message>
    <message>
        <source>The workspace stopped</source>
        <translation>The workspace stopped</translation>
    </message>
    <message>
        <source>Check your internet connection, then try again. Your data on this computer is not affected.</source>
        <translation>Check your internet connection, then try again. Your data on this computer is not affected.</translation>
    </message>
    <message>
        <source>The NeWork service could not show your workspace right now. Please try again in a moment.</source>
        <translation>The NeWork service could not show your workspace right now. Please try again in a moment.</translation>
    </message>
    <message>
        <source>The app&apos;s privacy rules do not allow opening this address. You can review your choices in the privacy center.</source>
        <translation>The app&apos;s privacy rules do not allow opening this address. You can review your choices in the privacy center.</translation>
    </message>
    <message>
        <source>The workspace opens after you agree to the privacy policy.</source>
        <translation>The workspace opens after you agree to the privacy policy.</translation>
    </message>
    <message>
        <source>The identity of the NeWork server could not be verified, so the workspace was not opened. Check the date and time of this computer, then try again.</source>
        <translation>The identity of the NeWork server could not be verified, so the workspace was not opened. Check the date and time of this computer, then try again.</translation>
    </message>
    <message>
        <source>The workspace stopped unexpectedly. Try again to reopen it.</source>
        <translation>The workspace stopped unexpectedly. Try again to reopen it.</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export and delete</source>
        <translation>Export and delete</translation>
    </message>
    <message>
        <source>Export my data</source>
        <translation>Export my data</translation>
    </message>
    <message>
        <source>Saves a zip file with your consent receipts, your settings, your account summary and the record of what was sent. It contains no password or token.</source>
        <translation>Saves a zip file with your consent receipts, your settings, your account summary and the record of what was sent. It contains no password or token.</translation>
    </message>
    <message>
        <source>Export my data…</source>
        <translation>Export my data…</translation>
    </message>
    <message>
        <source>Export my data to a zip file</source>
        <translation>Export my data to a zip file</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Export progress</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation>Export result</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <source>Opens the folder that holds the exported file</source>
        <translation>Opens the folder that holds the exported file</translation>
    </message>
    <message>
        <source>Your data on the NeWork service</source>
        <translation>Your data on the NeWork service</translation>
    </message>
    <message>
        <source>Ask NTT Communications to delete the data the NeWork service keeps about you. The request is sent once; if the service cannot be reached, the app keeps trying until the service confirms it. If you also want to withdraw your consent, ask for the deletion first.</source>
        <translation>Ask NTT Communications to delete the data the NeWork service keeps about you. The request is sent once; if the service cannot be reached, the app keeps trying until the service confirms it. If you also want to withdraw your consent, ask for the deletion first.</translation>
    </message>
    <message>
        <source>Ask the service to delete my data…</source>
        <translation>Ask the service to delete my data…</translation>
    </message>
    <message>
        <source>Ask the NeWork service to delete my data</source>
        <translation>Ask the NeWork service to delete my data</translation>
    </message>
    <message>
        <source>Deletion request status</source>
        <translation>Deletion request status</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>On this computer</translation>
    </message>
    <message>
        <source>Delete everything NeWork keeps on this computer and start again from the beginning. Your account on the NeWork service is not deleted.</source>
        <translation>Delete everything NeWork keeps on this computer and start again from the beginning. Your account on the NeWork service is not deleted.</translation>
    </message>
    <message>
        <source>Delete all local data…</source>
        <translation>Delete all local data…</translation>
    </message>
    <message>
        <source>Delete all of NeWork&apos;s data on this computer</source>
        <translation>Delete all of NeWork&apos;s data on this computer</translation>
    </message>
    <message>
        <source>Withdraw your consent to the privacy policy: NeWork stops collecting and sending anything and asks for your consent again.</source>
        <translation>Withdraw your consent to the privacy policy: NeWork stops collecting and sending anything and asks for your consent again.</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Withdraw consent…</translation>
    </message>
    <message>
        <source>Withdraw consent and stop using NeWork</source>
        <translation>Withdraw consent and stop using NeWork</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation>Zip archives (*.zip)</translation>
    </message>
    <message>
        <source>“{name}” already exists. Replace it?</source>
        <translation>“{name}” already exists. Replace it?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Your data was saved to {path}.</source>
        <translation>Your data was saved to {path}.</translation>
    </message>
    <message>
        <source>A file with that name appeared meanwhile; nothing was replaced.</source>
        <translation>A file with that name appeared meanwhile; nothing was replaced.</translation>
    </message>
    <message>
        <source>Your data could not be exported. Check that the folder exists and that there is enough free space, then try again.</source>
        <translation>Your data could not be exported. Check that the folder exists and that there is enough free space, then try again.</translation>
    </message>
    <message>
        <source>Ask the service to delete my data</source>
        <translation>Ask the service to delete my data</translation>
    </message>
    <message>
        <source>NeWork will ask the NeWork service to delete the data it keeps about you. This cannot be undone. Send the request?</source>
        <translation>NeWork will ask the NeWork service to delete the data it keeps about you. This cannot be undone. Send the request?</translation>
    </message>
    <message>
        <source>Send the request</source>
        <translation>Send the request</translation>
    </message>
    <message>
        <source>Sign in to NeWork to ask the service to delete your data.</source>
        <translation>Sign in to NeWork to ask the service to delete your data.</translation>
    </message>
    <message>
        <source>Sending the request…</source>
        <translation>Sending the request…</translation>
    </message>
    <message>
        <source>No request was sent.</source>
        <translation>No request was sent.</translation>
    </message>
    <message>
        <source>Pending since {date}: waiting for the service to confirm. The app keeps trying by itself, also after a restart.</source>
        <translation>Pending since {date}: waiting for the service to confirm. The app keeps trying by itself, also after a restart.</translation>
    </message>
    <message>
        <source>Sending now…</source>
        <translation>Sending now…</translation>
    </message>
    <message>
        <source>Acknowledged on {date}: the service received your request.</source>
        <translation>Acknowledged on {date}: the service received your request.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Open this help</source>
        <translation>Open this help</translation>
    </message>
    <message>
        <source>Open the settings</source>
        <translation>Open the settings</translation>
    </message>
    <message>
        <source>Quit NeWork</source>
        <translation>Quit NeWork</translation>
    </message>
    <message>
        <source>Close the privacy center</source>
        <translation>Close the privacy center</translation>
    </message>
    <message>
        <source>End / Page Down</source>
        <translation>End / Page Down</translation>
    </message>
    <message>
        <source>Privacy policy: go to the end / scroll down</source>
        <translation>Privacy policy: go to the end / scroll down</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>Next / previous control</source>
        <translation>Next / previous control</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Switch a module on or off</source>
        <translation>Switch a module on or off</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Press the focused button</source>
        <translation>Press the focused button</translation>
    </message>
    <message>
        <source>Privacy policy: the links of the text</source>
        <translation>Privacy policy: the links of the text</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Privacy policy: decline (asks first)</source>
        <translation>Privacy policy: decline (asks first)</translation>
    </message>
    <message>
        <source>To uninstall, choose NeWork → Uninstall NeWork…: all data is deleted and the app is moved to the Trash.</source>
        <translation>To uninstall, choose NeWork → Uninstall NeWork…: all data is deleted and the app is moved to the Trash.</translation>
    </message>
    <message>
        <source>To uninstall, open Settings → Apps, choose NeWork and Uninstall: the app and all of its data are removed.</source>
        <translation>To uninstall, open Settings → Apps, choose NeWork and Uninstall: the app and all of its data are removed.</translation>
    </message>
    <message>
        <source>To delete all of NeWork&apos;s data on this computer, choose Privacy → Delete all local data….</source>
        <translation>To delete all of NeWork&apos;s data on this computer, choose Privacy → Delete all local data….</translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <source>The first time NeWork starts, it shows its privacy policy. Read it to the end, choose which collection modules may run, and agree. Then register with an e-mail address or an account of Google, business d account, Apple or Microsoft; your workspace opens in the main window.</source>
        <translation>The first time NeWork starts, it shows its privacy policy. Read it to the end, choose which collection modules may run, and agree. Then register with an e-mail address or an account of Google, business d account, Apple or Microsoft; your workspace opens in the main window.</translation>
    </message>
    <message>
        <source>Your privacy</source>
        <translation>Your privacy</translation>
    </message>
    <message>
        <source>Privacy → Privacy center shows what you agreed to, what is collected, what was sent and where your data is kept. There you can switch the collection modules off, export your data, ask the service to delete it, delete everything on this computer or withdraw your consent.</source>
        <translation>Privacy → Privacy center shows what you agreed to, what is collected, what was sent and where your data is kept. There you can switch the collection modules off, export your data, ask the service to delete it, delete everything on this computer or withdraw your consent.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Settings ({keys}) change the language and the collection modules, and sign you out.</source>
        <translation>Settings ({keys}) change the language and the collection modules, and sign you out.</translation>
    </message>
    <message>
        <source>Uninstalling</source>
        <translation>Uninstalling</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>For questions about NeWork, or about how your information is handled, use the inquiry form (Contact support).</source>
        <translation>For questions about NeWork, or about how your information is handled, use the inquiry form (Contact support).</translation>
    </message>
    <message>
        <source>NeWork Help</source>
        <translation>NeWork Help</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>What it does</translation>
    </message>
    <message>
        <source>Contact support…</source>
        <translation>Contact support…</translation>
    </message>
    <message>
        <source>Opens the inquiry form in your web browser</source>
        <translation>Opens the inquiry form in your web browser</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <source>Japanese</source>
        <extracomment>Each language in its own name (never translated: a reader looks for their own language).</extracomment>
        <translation>Japanese</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <source>The link could not be opened</source>
        <translation>The link could not be opened</translation>
    </message>
    <message>
        <source>NeWork could not open your web browser. Copy this address and open it in your browser:</source>
        <translation>NeWork could not open your web browser. Copy this address and open it in your browser:</translation>
    </message>
</context>
<context>
    <name>LinksPage</name>
    <message>
        <source>Policies and contact</source>
        <translation>Policies and contact</translation>
    </message>
    <message>
        <source>These pages open in your web browser. For questions about how your information is handled, use the inquiry form (Article 10).</source>
        <translation>These pages open in your web browser. For questions about how your information is handled, use the inquiry form (Article 10).</translation>
    </message>
    <message>
        <source>Opens {url} in your web browser</source>
        <translation>Opens {url} in your web browser</translation>
    </message>
</context>
<context>
    <name>LocalDataWiper</name>
    <message>
        <source>Deleting local data</source>
        <extracomment>Runs the wipe (on a worker thread) and returns its report; gets the progress callback.</extracomment>
        <translation>Deleting local data</translation>
    </message>
    <message>
        <source>Deleting all of NeWork&apos;s data on this computer…</source>
        <translation>Deleting all of NeWork&apos;s data on this computer…</translation>
    </message>
    <message>
        <source>Deletion progress</source>
        <translation>Deletion progress</translation>
    </message>
    <message>
        <source>Deleted {count} items…</source>
        <translation>Deleted {count} items…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;NeWork</source>
        <translation type="vanished">&amp;NeWork</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>&amp;Quit NeWork</source>
        <translation>&amp;Quit NeWork</translation>
    </message>
    <message>
        <source>&amp;Privacy</source>
        <translation>&amp;Privacy</translation>
    </message>
    <message>
        <source>&amp;Delete all local data…</source>
        <translation>&amp;Delete all local data…</translation>
    </message>
    <message>
        <source>Privacy &amp;center…</source>
        <translation>Privacy &amp;center…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>How long the consent line stays in the status bar.</extracomment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Uninstall NeWork…</source>
        <translation>&amp;Uninstall NeWork…</translation>
    </message>
    <message>
        <source>View &amp;policy</source>
        <translation>View &amp;policy</translation>
    </message>
    <message>
        <source>&amp;Withdraw consent…</source>
        <translation>&amp;Withdraw consent…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>NeWork &amp;Help</source>
        <translation>NeWork &amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Contact support…</source>
        <translation>&amp;Contact support…</translation>
    </message>
    <message>
        <source>&amp;About NeWork</source>
        <translation>&amp;About NeWork</translation>
    </message>
    <message>
        <source>Your workspace opens here once NeWork is connected to its service.</source>
        <translation>Your workspace opens here once NeWork is connected to its service.</translation>
    </message>
    <message>
        <source>Opens the privacy center at your consent</source>
        <translation>Opens the privacy center at your consent</translation>
    </message>
    <message>
        <source>View policy</source>
        <translation>View policy</translation>
    </message>
    <message>
        <source>Shows the updated privacy policy</source>
        <translation>Shows the updated privacy policy</translation>
    </message>
    <message>
        <source>Hides the policy update notice</source>
        <translation>Hides the policy update notice</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>You agreed to the privacy policy in effect from {effective} on {date} (read in {language}; version {version}).</source>
        <translation>You agreed to the privacy policy in effect from {effective} on {date} (read in {language}; version {version}).</translation>
    </message>
    <message>
        <source>No {store} is available: you will need to sign in again next time.</source>
        <translation>No {store} is available: you will need to sign in again next time.</translation>
    </message>
    <message>
        <source>View the privacy policy</source>
        <translation type="vanished">View the privacy policy</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation type="vanished">Withdraw consent…</translation>
    </message>
    <message>
        <source>Withdraw consent and stop using NeWork</source>
        <translation type="vanished">Withdraw consent and stop using NeWork</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>What changed: open the privacy center at your consent</source>
        <translation type="vanished">What changed: open the privacy center at your consent</translation>
    </message>
    <message>
        <source>View the updated privacy policy</source>
        <translation type="vanished">View the updated privacy policy</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Dismiss the policy update notice</source>
        <translation type="vanished">Dismiss the policy update notice</translation>
    </message>
    <message>
        <source>The privacy policy was updated ({dates}). The changes are minor.</source>
        <translation>The privacy policy was updated ({dates}). The changes are minor.</translation>
    </message>
    <message>
        <source>You agreed to the privacy policy version {version} on {date} ({language}).</source>
        <translation type="vanished">You agreed to the privacy policy version {version} on {date} ({language}).</translation>
    </message>
    <message>
        <source>Consent status</source>
        <translation type="vanished">Consent status</translation>
    </message>
    <message>
        <source>Signed in as {account}.</source>
        <translation>Signed in as {account}.</translation>
    </message>
    <message>
        <source>No keyring is available: you will need to sign in again next time.</source>
        <translation type="vanished">No keyring is available: you will need to sign in again next time.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation type="vanished">Withdraw consent</translation>
    </message>
    <message>
        <source>Withdrawing your consent stops your use of NeWork on this computer. The app will ask for your consent again. Continue?</source>
        <translation type="vanished">Withdrawing your consent stops your use of NeWork on this computer. The app will ask for your consent again. Continue?</translation>
    </message>
    <message>
        <source>About NeWork</source>
        <translation type="vanished">About NeWork</translation>
    </message>
    <message>
        <source>NeWork Desktop {version}</source>
        <translation type="vanished">NeWork Desktop {version}</translation>
    </message>
</context>
<context>
    <name>ModuleCard</name>
    <message>
        <source>Provider: {0}</source>
        <extracomment>Opens a URL in the system browser; False if it did not (or refused to). A bullet inside a table cell of the policy (&quot;・…認証のため ・テナント…&quot;).</extracomment>
        <translation>Provider: {0}</translation>
    </message>
    <message>
        <source>What it collects: {0}</source>
        <translation>What it collects: {0}</translation>
    </message>
    <message>
        <source>Purpose: {0}</source>
        <translation>Purpose: {0}</translation>
    </message>
    <message>
        <source>Used only by the smartphone apps; not part of the desktop app. Nothing is sent to it from this computer.</source>
        <translation>Used only by the smartphone apps; not part of the desktop app. Nothing is sent to it from this computer.</translation>
    </message>
    <message>
        <source>This module cannot be switched off.</source>
        <translation>This module cannot be switched off.</translation>
    </message>
    <message>
        <source>Uses cookies. You can switch it off below, next to Agree, or later in the privacy center.</source>
        <translation>Uses cookies. You can switch it off below, next to Agree, or later in the privacy center.</translation>
    </message>
    <message>
        <source>You can switch it off below, next to Agree, or later in the privacy center.</source>
        <translation>You can switch it off below, next to Agree, or later in the privacy center.</translation>
    </message>
    <message>
        <source>When off, nothing is sent to {0} from this app.</source>
        <translation>When off, nothing is sent to {0} from this app.</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Uses cookies. You can switch it off here now, or later in the privacy center.</source>
        <translation type="vanished">Uses cookies. You can switch it off here now, or later in the privacy center.</translation>
    </message>
    <message>
        <source>You can switch it off here now, or later in the privacy center.</source>
        <translation type="vanished">You can switch it off here now, or later in the privacy center.</translation>
    </message>
    <message>
        <source>Opt-out page</source>
        <translation>Opt-out page</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <source>Opens {0} in your web browser</source>
        <translation>Opens {0} in your web browser</translation>
    </message>
    <message>
        <source>Allow {0} in this app</source>
        <translation>Allow {0} in this app</translation>
    </message>
    <message>
        <source>Allow {0} to collect usage data</source>
        <translation type="vanished">Allow {0} to collect usage data</translation>
    </message>
    <message>
        <source>When unchecked, nothing is sent to {0} from this app.</source>
        <translation type="vanished">When unchecked, nothing is sent to {0} from this app.</translation>
    </message>
</context>
<context>
    <name>ModuleChoices</name>
    <message>
        <source>Allow in this app:</source>
        <extracomment>Module id → its switch, in the policy&apos;s order.</extracomment>
        <translation>Allow in this app:</translation>
    </message>
    <message>
        <source>Collection modules</source>
        <translation>Collection modules</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>{0}: allow in this app</source>
        <translation>{0}: allow in this app</translation>
    </message>
    <message>
        <source>When off, nothing is sent to {0} from this app. You can change this later in the privacy center.</source>
        <translation>When off, nothing is sent to {0} from this app. You can change this later in the privacy center.</translation>
    </message>
</context>
<context>
    <name>PolicyViewer</name>
    <message>
        <source>Privacy policy text</source>
        <translation>Privacy policy text</translation>
    </message>
</context>
<context>
    <name>PrivacyCenter</name>
    <message>
        <source>Privacy center — NeWork</source>
        <translation>Privacy center — NeWork</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="vanished">Consent</translation>
    </message>
    <message>
        <source>What is collected</source>
        <translation type="vanished">What is collected</translation>
    </message>
    <message>
        <source>What was sent</source>
        <translation type="vanished">What was sent</translation>
    </message>
    <message>
        <source>Your data on this device</source>
        <translation type="vanished">Your data on this device</translation>
    </message>
    <message>
        <source>Export and delete</source>
        <translation type="vanished">Export and delete</translation>
    </message>
    <message>
        <source>Policies and contact</source>
        <translation type="vanished">Policies and contact</translation>
    </message>
    <message>
        <source>Privacy center sections</source>
        <translation>Privacy center sections</translation>
    </message>
    <message>
        <source>Choose a section with the arrow keys; Tab moves into it</source>
        <translation>Choose a section with the arrow keys; Tab moves into it</translation>
    </message>
    <message>
        <source>Privacy center section</source>
        <translation>Privacy center section</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close the privacy center</source>
        <translation>Close the privacy center</translation>
    </message>
    <message>
        <source>Your consent</source>
        <translation type="vanished">Your consent</translation>
    </message>
    <message>
        <source>About version {version}</source>
        <translation type="vanished">About version {version}</translation>
    </message>
    <message>
        <source>View policy</source>
        <translation type="vanished">View policy</translation>
    </message>
    <message>
        <source>View the privacy policy</source>
        <translation type="vanished">View the privacy policy</translation>
    </message>
    <message>
        <source>Revision history</source>
        <translation type="vanished">Revision history</translation>
    </message>
    <message>
        <source>In effect from</source>
        <translation type="vanished">In effect from</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="vanished">Reference</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="vanished">What changed</translation>
    </message>
    <message>
        <source>Revision history of the policy</source>
        <translation type="vanished">Revision history of the policy</translation>
    </message>
    <message>
        <source>Your decisions</source>
        <translation type="vanished">Your decisions</translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="vanished">Date</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="vanished">Decision</translation>
    </message>
    <message>
        <source>Policy version</source>
        <translation type="vanished">Policy version</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation type="vanished">Modules</translation>
    </message>
    <message>
        <source>Your decisions on the privacy policy, newest first</source>
        <translation type="vanished">Your decisions on the privacy policy, newest first</translation>
    </message>
    <message>
        <source>The information NeWork collects, why, and how (Article 2 of the privacy policy). The app collects nothing that is not in this table.</source>
        <translation type="vanished">The information NeWork collects, why, and how (Article 2 of the privacy policy). The app collects nothing that is not in this table.</translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="vanished">Information</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="vanished">Purpose</translation>
    </message>
    <message>
        <source>How it is collected</source>
        <translation type="vanished">How it is collected</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation type="vanished">Plans</translation>
    </message>
    <message>
        <source>All plans</source>
        <translation type="vanished">All plans</translation>
    </message>
    <message>
        <source>Enterprise only</source>
        <translation type="vanished">Enterprise only</translation>
    </message>
    <message>
        <source>Information collected (Article 2)</source>
        <translation type="vanished">Information collected (Article 2)</translation>
    </message>
    <message>
        <source>Collection modules</source>
        <translation type="vanished">Collection modules</translation>
    </message>
    <message>
        <source>Third-party programs that collect usage data (Article 2-2). A change takes effect at once: a module you switch off gets nothing more from this app, and its cookies are deleted. Your choice is added to your consent record.</source>
        <translation type="vanished">Third-party programs that collect usage data (Article 2-2). A change takes effect at once: a module you switch off gets nothing more from this app, and its cookies are deleted. Your choice is added to your consent record.</translation>
    </message>
    <message>
        <source>Uses cookies. Uncheck to switch it off in this app.</source>
        <translation type="vanished">Uses cookies. Uncheck to switch it off in this app.</translation>
    </message>
    <message>
        <source>Uncheck to switch it off in this app.</source>
        <translation type="vanished">Uncheck to switch it off in this app.</translation>
    </message>
    <message>
        <source>Result of the last change</source>
        <translation type="vanished">Result of the last change</translation>
    </message>
    <message>
        <source>Before anything leaves this computer, NeWork checks where it goes against the privacy policy. This table counts, per day and destination, how many connections were allowed and how many were blocked. Only these counts and the destination names are kept — never what was sent. Days are counted in UTC.</source>
        <translation type="vanished">Before anything leaves this computer, NeWork checks where it goes against the privacy policy. This table counts, per day and destination, how many connections were allowed and how many were blocked. Only these counts and the destination names are kept — never what was sent. Days are counted in UTC.</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="vanished">&amp;Period:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="vanished">Today</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="vanished">Last 7 days</translation>
    </message>
    <message>
        <source>Last 14 days</source>
        <translation type="vanished">Last 14 days</translation>
    </message>
    <message>
        <source>Last 31 days</source>
        <translation type="vanished">Last 31 days</translation>
    </message>
    <message>
        <source>Period shown</source>
        <translation type="vanished">Period shown</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="vanished">&amp;Refresh</translation>
    </message>
    <message>
        <source>Refresh the list of what was sent</source>
        <translation type="vanished">Refresh the list of what was sent</translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="vanished">Day</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="vanished">Destination</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation type="vanished">Belongs to</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="vanished">Allowed</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="vanished">Blocked</translation>
    </message>
    <message>
        <source>Why blocked</source>
        <translation type="vanished">Why blocked</translation>
    </message>
    <message>
        <source>Connections per day and destination</source>
        <translation type="vanished">Connections per day and destination</translation>
    </message>
    <message>
        <source>Nothing was sent or blocked in this period.</source>
        <translation type="vanished">Nothing was sent or blocked in this period.</translation>
    </message>
    <message>
        <source>Recently blocked</source>
        <translation type="vanished">Recently blocked</translation>
    </message>
    <message>
        <source>The latest connections the app refused since it was started.</source>
        <translation type="vanished">The latest connections the app refused since it was started.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="vanished">Time</translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="vanished">Why</translation>
    </message>
    <message>
        <source>Recently blocked connections</source>
        <translation type="vanished">Recently blocked connections</translation>
    </message>
    <message>
        <source>NeWork keeps its data only in these folders. Uninstalling NeWork, or “Delete all local data”, removes all of them.</source>
        <translation type="vanished">NeWork keeps its data only in these folders. Uninstalling NeWork, or “Delete all local data”, removes all of them.</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation type="vanished">Folders</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="vanished">Folder</translation>
    </message>
    <message>
        <source>What it holds</source>
        <translation type="vanished">What it holds</translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="vanished">Size</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="vanished">Open folder</translation>
    </message>
    <message>
        <source>Open folder {path}</source>
        <translation type="vanished">Open folder {path}</translation>
    </message>
    <message>
        <source>Size of {path}</source>
        <translation type="vanished">Size of {path}</translation>
    </message>
    <message>
        <source>Recount sizes</source>
        <translation type="vanished">Recount sizes</translation>
    </message>
    <message>
        <source>Count the folder sizes again</source>
        <translation type="vanished">Count the folder sizes again</translation>
    </message>
    <message>
        <source>Device ID</source>
        <translation type="vanished">Device ID</translation>
    </message>
    <message>
        <source>A random number made for this installation of NeWork. It is not taken from your computer&apos;s hardware, it identifies only this installation, and it is deleted with the local data.</source>
        <translation type="vanished">A random number made for this installation of NeWork. It is not taken from your computer&apos;s hardware, it identifies only this installation, and it is deleted with the local data.</translation>
    </message>
    <message>
        <source>Export my data</source>
        <translation type="vanished">Export my data</translation>
    </message>
    <message>
        <source>Saves a zip file with your consent receipts, your settings, your account summary and the record of what was sent. It contains no password or token.</source>
        <translation type="vanished">Saves a zip file with your consent receipts, your settings, your account summary and the record of what was sent. It contains no password or token.</translation>
    </message>
    <message>
        <source>Export my data…</source>
        <translation type="vanished">Export my data…</translation>
    </message>
    <message>
        <source>Export my data to a zip file</source>
        <translation type="vanished">Export my data to a zip file</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="vanished">Export progress</translation>
    </message>
    <message>
        <source>Export result</source>
        <translation type="vanished">Export result</translation>
    </message>
    <message>
        <source>Your data on the NeWork service</source>
        <translation type="vanished">Your data on the NeWork service</translation>
    </message>
    <message>
        <source>Ask NTT Communications to delete the data the NeWork service keeps about you. The request is sent once; if the service cannot be reached, the app keeps trying until the service confirms it. If you also want to withdraw your consent, ask for the deletion first.</source>
        <translation type="vanished">Ask NTT Communications to delete the data the NeWork service keeps about you. The request is sent once; if the service cannot be reached, the app keeps trying until the service confirms it. If you also want to withdraw your consent, ask for the deletion first.</translation>
    </message>
    <message>
        <source>Ask the service to delete my data…</source>
        <translation type="vanished">Ask the service to delete my data…</translation>
    </message>
    <message>
        <source>Ask the NeWork service to delete my data</source>
        <translation type="vanished">Ask the NeWork service to delete my data</translation>
    </message>
    <message>
        <source>Deletion request status</source>
        <translation type="vanished">Deletion request status</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation type="vanished">On this computer</translation>
    </message>
    <message>
        <source>Delete everything NeWork keeps on this computer and start again from the beginning. Your account on the NeWork service is not deleted.</source>
        <translation type="vanished">Delete everything NeWork keeps on this computer and start again from the beginning. Your account on the NeWork service is not deleted.</translation>
    </message>
    <message>
        <source>Delete all local data…</source>
        <translation type="vanished">Delete all local data…</translation>
    </message>
    <message>
        <source>Delete all of NeWork&apos;s data on this computer</source>
        <translation type="vanished">Delete all of NeWork&apos;s data on this computer</translation>
    </message>
    <message>
        <source>Withdraw your consent to the privacy policy: NeWork stops collecting and sending anything and asks for your consent again.</source>
        <translation type="vanished">Withdraw your consent to the privacy policy: NeWork stops collecting and sending anything and asks for your consent again.</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation type="vanished">Withdraw consent…</translation>
    </message>
    <message>
        <source>Withdraw consent and stop using NeWork</source>
        <translation type="vanished">Withdraw consent and stop using NeWork</translation>
    </message>
    <message>
        <source>These pages open in your web browser. For questions about how your information is handled, use the inquiry form (Article 10).</source>
        <translation type="vanished">These pages open in your web browser. For questions about how your information is handled, use the inquiry form (Article 10).</translation>
    </message>
    <message>
        <source>Opens {url} in your web browser</source>
        <translation type="vanished">Opens {url} in your web browser</translation>
    </message>
    <message>
        <source>consent record, account summary, device ID</source>
        <translation type="vanished">consent record, account summary, device ID</translation>
    </message>
    <message>
        <source>settings</source>
        <translation type="vanished">settings</translation>
    </message>
    <message>
        <source>temporary files</source>
        <translation type="vanished">temporary files</translation>
    </message>
    <message>
        <source>logs</source>
        <translation type="vanished">logs</translation>
    </message>
    <message>
        <source>record of what was sent, pending requests</source>
        <translation type="vanished">record of what was sent, pending requests</translation>
    </message>
    <message>
        <source>workspace web data (cookies, storage)</source>
        <translation type="vanished">workspace web data (cookies, storage)</translation>
    </message>
    <message>
        <source>workspace web cache</source>
        <translation type="vanished">workspace web cache</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation type="vanished">{n} bytes</translation>
    </message>
    <message>
        <source>on</source>
        <translation type="vanished">on</translation>
    </message>
    <message>
        <source>off</source>
        <translation type="vanished">off</translation>
    </message>
    <message>
        <source>No consent is on record.</source>
        <translation type="vanished">No consent is on record.</translation>
    </message>
    <message>
        <source>You agreed to the privacy policy in effect from {effective} (version {version}) on {date}, reading it in {language}.</source>
        <translation type="vanished">You agreed to the privacy policy in effect from {effective} (version {version}) on {date}, reading it in {language}.</translation>
    </message>
    <message>
        <source>Collection modules: {choices}.</source>
        <translation type="vanished">Collection modules: {choices}.</translation>
    </message>
    <message>
        <source>Last changed on {date}.</source>
        <translation type="vanished">Last changed on {date}.</translation>
    </message>
    <message>
        <source>Withdrew consent</source>
        <translation type="vanished">Withdrew consent</translation>
    </message>
    <message>
        <source>Changed module choices</source>
        <translation type="vanished">Changed module choices</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation type="vanished">Agreed</translation>
    </message>
    <message>
        <source>Not created yet.</source>
        <translation type="vanished">Not created yet.</translation>
    </message>
    <message>
        <source>There is no consent on record: nothing was changed.</source>
        <translation type="vanished">There is no consent on record: nothing was changed.</translation>
    </message>
    <message>
        <source>Your choice could not be saved, so nothing was changed. Check that the disk is not full and try again.</source>
        <translation type="vanished">Your choice could not be saved, so nothing was changed. Check that the disk is not full and try again.</translation>
    </message>
    <message>
        <source>{name} is on again.</source>
        <translation type="vanished">{name} is on again.</translation>
    </message>
    <message>
        <source>{name} is off: nothing more is sent to it from this app, and its cookies were deleted.</source>
        <translation type="vanished">{name} is off: nothing more is sent to it from this app, and its cookies were deleted.</translation>
    </message>
    <message>
        <source>{name} (smartphone apps only)</source>
        <translation type="vanished">{name} (smartphone apps only)</translation>
    </message>
    <message>
        <source>NeWork service</source>
        <translation type="vanished">NeWork service</translation>
    </message>
    <message>
        <source>Not in the privacy policy</source>
        <translation type="vanished">Not in the privacy policy</translation>
    </message>
    <message>
        <source>before you agreed to the policy</source>
        <translation type="vanished">before you agreed to the policy</translation>
    </message>
    <message>
        <source>you switched it off</source>
        <translation type="vanished">you switched it off</translation>
    </message>
    <message>
        <source>not named in the privacy policy</source>
        <translation type="vanished">not named in the privacy policy</translation>
    </message>
    <message>
        <source>not part of the desktop app</source>
        <translation type="vanished">not part of the desktop app</translation>
    </message>
    <message>
        <source>not an internet address the app may use</source>
        <translation type="vanished">not an internet address the app may use</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="vanished">Counting…</translation>
    </message>
    <message>
        <source>Not created</source>
        <translation type="vanished">Not created</translation>
    </message>
    <message>
        <source>Zip archives (*.zip)</source>
        <translation type="vanished">Zip archives (*.zip)</translation>
    </message>
    <message>
        <source>“{name}” already exists. Replace it?</source>
        <translation type="vanished">“{name}” already exists. Replace it?</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="vanished">Exporting…</translation>
    </message>
    <message>
        <source>Your data was saved to {path}.</source>
        <translation type="vanished">Your data was saved to {path}.</translation>
    </message>
    <message>
        <source>A file with that name appeared meanwhile; nothing was replaced.</source>
        <translation type="vanished">A file with that name appeared meanwhile; nothing was replaced.</translation>
    </message>
    <message>
        <source>Your data could not be exported. Check that the folder exists and that there is enough free space, then try again.</source>
        <translation type="vanished">Your data could not be exported. Check that the folder exists and that there is enough free space, then try again.</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation type="vanished">Withdraw consent</translation>
    </message>
    <message>
        <source>Withdrawing your consent stops your use of NeWork on this computer. The app will ask for your consent again. Continue?</source>
        <translation type="vanished">Withdrawing your consent stops your use of NeWork on this computer. The app will ask for your consent again. Continue?</translation>
    </message>
    <message>
        <source>Ask the service to delete my data</source>
        <translation type="vanished">Ask the service to delete my data</translation>
    </message>
    <message>
        <source>NeWork will ask the NeWork service to delete the data it keeps about you. This cannot be undone. Send the request?</source>
        <translation type="vanished">NeWork will ask the NeWork service to delete the data it keeps about you. This cannot be undone. Send the request?</translation>
    </message>
    <message>
        <source>Sign in to NeWork to ask the service to delete your data.</source>
        <translation type="vanished">Sign in to NeWork to ask the service to delete your data.</translation>
    </message>
    <message>
        <source>Sending the request…</source>
        <translation type="vanished">Sending the request…</translation>
    </message>
    <message>
        <source>No request was sent.</source>
        <translation type="vanished">No request was sent.</translation>
    </message>
    <message>
        <source>Pending since {date}: waiting for the service to confirm. The app keeps trying by itself, also after a restart.</source>
        <translation type="vanished">Pending since {date}: waiting for the service to confirm. The app keeps trying by itself, also after a restart.</translation>
    </message>
    <message>
        <source>Sending now…</source>
        <translation type="vanished">Sending now…</translation>
    </message>
    <message>
        <source>Acknowledged on {date}: the service received your request.</source>
        <translation type="vanished">Acknowledged on {date}: the service received your request.</translation>
    </message>
</context>
<context>
    <name>ProviderErrorTexts</name>
    <message>
        <source>{provider} signs its answer in a way NeWork does not accept, so this sign-in cannot work. Register with your e-mail address or another provider.</source>
        <translation>{provider} signs its answer in a way NeWork does not accept, so this sign-in cannot work. Register with your e-mail address or another provider.</translation>
    </message>
    <message>
        <source>NeWork&apos;s settings do not allow contacting {provider}. Register with your e-mail address or another provider.</source>
        <translation>NeWork&apos;s settings do not allow contacting {provider}. Register with your e-mail address or another provider.</translation>
    </message>
    <message>
        <source>{provider} is not set up for NeWork right now, so this sign-in cannot work. Register with your e-mail address or another provider.</source>
        <translation>{provider} is not set up for NeWork right now, so this sign-in cannot work. Register with your e-mail address or another provider.</translation>
    </message>
    <message>
        <source>NeWork cannot reach {provider}. Check the internet connection and try again.</source>
        <translation>NeWork cannot reach {provider}. Check the internet connection and try again.</translation>
    </message>
    <message>
        <source>A secure connection to {provider} could not be made. Check the network (a proxy or a wrong clock can cause this).</source>
        <translation>A secure connection to {provider} could not be made. Check the network (a proxy or a wrong clock can cause this).</translation>
    </message>
    <message>
        <source>{provider} has a problem right now. Please try again later, or register with your e-mail address.</source>
        <translation>{provider} has a problem right now. Please try again later, or register with your e-mail address.</translation>
    </message>
    <message>
        <source>{provider} did not complete the sign-in. Please try again.</source>
        <translation>{provider} did not complete the sign-in. Please try again.</translation>
    </message>
</context>
<context>
    <name>Providers</name>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>business d account</source>
        <translation>business d account</translation>
    </message>
</context>
<context>
    <name>ReadingPage</name>
    <message>
        <source>In this article</source>
        <extracomment>Emitted once, when the text has been read to the end.</extracomment>
        <translation>In this article</translation>
    </message>
    <message>
        <source>All links in the policy</source>
        <translation>All links in the policy</translation>
    </message>
    <message>
        <source>Collection modules</source>
        <translation>Collection modules</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Contents</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation>Table of contents</translation>
    </message>
    <message>
        <source>Choose an article to jump to it in the text</source>
        <translation>Choose an article to jump to it in the text</translation>
    </message>
    <message>
        <source>Full &amp;text</source>
        <translation>Full &amp;text</translation>
    </message>
    <message>
        <source>Privacy policy, full text</source>
        <translation>Privacy policy, full text</translation>
    </message>
    <message>
        <source>Read to the end to enable Agree. Page Down and End scroll the text.</source>
        <translation>Read to the end to enable Agree. Page Down and End scroll the text.</translation>
    </message>
    <message>
        <source>Read: %p %</source>
        <translation>Read: %p %</translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation>Reading progress</translation>
    </message>
    <message>
        <source>&amp;Links…</source>
        <translation>&amp;Links…</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>The links in the text and the modules&apos; pages; they open in your web browser</source>
        <translation>The links in the text and the modules&apos; pages; they open in your web browser</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <source>Register with NeWork</source>
        <translation>Register with NeWork</translation>
    </message>
    <message>
        <source>Register or sign in</source>
        <translation type="vanished">Register or sign in</translation>
    </message>
    <message>
        <source>To use NeWork, register a user ID: an e-mail address, or an account of Google, business d account, Apple or Microsoft. Your registration data is not given to third parties.</source>
        <translation type="vanished">To use NeWork, register a user ID: an e-mail address, or an account of Google, business d account, Apple or Microsoft. Your registration data is not given to third parties.</translation>
    </message>
    <message>
        <source>About registration</source>
        <translation type="vanished">About registration</translation>
    </message>
    <message>
        <source>You were signed in as {email} ({provider}). Please sign in again.</source>
        <translation type="vanished">You were signed in as {email} ({provider}). Please sign in again.</translation>
    </message>
    <message>
        <source>This computer has no secure password storage (keyring). You can sign in, but NeWork keeps the sign-in only until it quits and will ask again next time.</source>
        <translation type="vanished">This computer has no secure password storage (keyring). You can sign in, but NeWork keeps the sign-in only until it quits and will ask again next time.</translation>
    </message>
    <message>
        <source>&amp;E-mail address</source>
        <translation type="vanished">&amp;E-mail address</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="vanished">name@example.com</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation type="vanished">E-mail address</translation>
    </message>
    <message>
        <source>NeWork sends a one-time code to this address</source>
        <translation type="vanished">NeWork sends a one-time code to this address</translation>
    </message>
    <message>
        <source>Send code</source>
        <translation type="vanished">Send code</translation>
    </message>
    <message>
        <source>Send a one-time code to this address</source>
        <translation type="vanished">Send a one-time code to this address</translation>
    </message>
    <message>
        <source>Or continue with an account of:</source>
        <translation type="vanished">Or continue with an account of:</translation>
    </message>
    <message>
        <source>Sign in with {provider}</source>
        <translation type="vanished">Sign in with {provider}</translation>
    </message>
    <message>
        <source>We sent a one-time code to {email}. Enter it below. The code is valid for {minutes} minutes.</source>
        <translation type="vanished">We sent a one-time code to {email}. Enter it below. The code is valid for {minutes} minutes.</translation>
    </message>
    <message>
        <source>One-time &amp;code</source>
        <translation type="vanished">One-time &amp;code</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation type="vanished">One-time code</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="vanished">Sign in</translation>
    </message>
    <message>
        <source>Sign in with this code</source>
        <translation type="vanished">Sign in with this code</translation>
    </message>
    <message>
        <source>Use another address</source>
        <translation type="vanished">Use another address</translation>
    </message>
    <message>
        <source>Use another e-mail address</source>
        <translation type="vanished">Use another e-mail address</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation type="vanished">Send a new code</translation>
    </message>
    <message>
        <source>Continue in your web browser: sign in with {provider} there, then come back.</source>
        <translation type="vanished">Continue in your web browser: sign in with {provider} there, then come back.</translation>
    </message>
    <message>
        <source>Waiting for the browser</source>
        <translation type="vanished">Waiting for the browser</translation>
    </message>
    <message>
        <source>If your browser did not open, copy the link and open it in your browser.</source>
        <translation type="vanished">If your browser did not open, copy the link and open it in your browser.</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation type="vanished">Copy link</translation>
    </message>
    <message>
        <source>Copy the sign-in link</source>
        <translation type="vanished">Copy the sign-in link</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="vanished">Cancel</translation>
    </message>
    <message>
        <source>Cancel the sign-in</source>
        <translation type="vanished">Cancel the sign-in</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Show technical details</source>
        <translation>Show technical details</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Technical details</translation>
    </message>
    <message>
        <source>Quit NeWork</source>
        <translation>Quit NeWork</translation>
    </message>
    <message>
        <source>Quit NeWork without registering</source>
        <translation>Quit NeWork without registering</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation type="vanished">e-mail</translation>
    </message>
    <message>
        <source>Not available: this NeWork build has no sign-in set up for it.</source>
        <translation type="vanished">Not available: this NeWork build has no sign-in set up for it.</translation>
    </message>
    <message>
        <source>Not available yet: the provider&apos;s sign-in is not configured.</source>
        <translation type="vanished">Not available yet: the provider&apos;s sign-in is not configured.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Sign-in was cancelled.</translation>
    </message>
    <message>
        <source>No answer came from the browser in time. Please try again.</source>
        <translation>No answer came from the browser in time. Please try again.</translation>
    </message>
    <message>
        <source>{provider} did not allow the sign-in.</source>
        <translation>{provider} did not allow the sign-in.</translation>
    </message>
    <message>
        <source>The answer from {provider} could not be verified. Please try again.</source>
        <translation>The answer from {provider} could not be verified. Please try again.</translation>
    </message>
    <message>
        <source>This sign-in is not available.</source>
        <translation>This sign-in is not available.</translation>
    </message>
    <message>
        <source>Signing in with {provider} did not work. Please try again.</source>
        <translation>Signing in with {provider} did not work. Please try again.</translation>
    </message>
    <message>
        <source>Enter a valid e-mail address, for example name@example.com.</source>
        <translation>Enter a valid e-mail address, for example name@example.com.</translation>
    </message>
    <message>
        <source>The code is not correct. Check the mail and try again.</source>
        <translation>The code is not correct. Check the mail and try again.</translation>
    </message>
    <message>
        <source>The code has expired. Request a new code.</source>
        <translation>The code has expired. Request a new code.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Request a new code.</source>
        <translation>Too many wrong codes. Request a new code.</translation>
    </message>
    <message>
        <source>Too many requests. Please wait {seconds} s and try again.</source>
        <translation>Too many requests. Please wait {seconds} s and try again.</translation>
    </message>
    <message>
        <source>Too many requests. Please wait a moment and try again.</source>
        <translation>Too many requests. Please wait a moment and try again.</translation>
    </message>
    <message>
        <source>A secure connection to the NeWork service could not be made. Check the network (a proxy or a wrong clock can cause this).</source>
        <translation>A secure connection to the NeWork service could not be made. Check the network (a proxy or a wrong clock can cause this).</translation>
    </message>
    <message>
        <source>NeWork cannot reach its service. Check the internet connection and try again.</source>
        <translation>NeWork cannot reach its service. Check the internet connection and try again.</translation>
    </message>
    <message>
        <source>The NeWork service has a problem right now. Please try again later.</source>
        <translation>The NeWork service has a problem right now. Please try again later.</translation>
    </message>
    <message>
        <source>The NeWork service sent an answer the app does not understand. Please try again later.</source>
        <translation>The NeWork service sent an answer the app does not understand. Please try again later.</translation>
    </message>
    <message>
        <source>NeWork&apos;s settings do not allow contacting this address.</source>
        <translation>NeWork&apos;s settings do not allow contacting this address.</translation>
    </message>
    <message>
        <source>The service refused the sign-in. Please try again.</source>
        <translation>The service refused the sign-in. Please try again.</translation>
    </message>
    <message>
        <source>The service did not accept the request. Please try again.</source>
        <translation>The service did not accept the request. Please try again.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Something went wrong. Please try again.</translation>
    </message>
    <message>
        <source>Resend code ({seconds} s)</source>
        <translation type="vanished">Resend code ({seconds} s)</translation>
    </message>
    <message>
        <source>Resend code</source>
        <translation type="vanished">Resend code</translation>
    </message>
    <message>
        <source>Attempts left: {n}</source>
        <translation type="vanished">Attempts left: {n}</translation>
    </message>
    <message>
        <source>Attempts left</source>
        <translation type="vanished">Attempts left</translation>
    </message>
    <message>
        <source>The browser did not open. Copy the link and open it in your browser.</source>
        <translation type="vanished">The browser did not open. Copy the link and open it in your browser.</translation>
    </message>
    <message>
        <source>Quit NeWork?</source>
        <translation>Quit NeWork?</translation>
    </message>
    <message>
        <source>NeWork needs a user ID. Quit without registering?</source>
        <translation>NeWork needs a user ID. Quit without registering?</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Go back</translation>
    </message>
    <message>
        <source>Go back to registration</source>
        <translation>Go back to registration</translation>
    </message>
</context>
<context>
    <name>SentPage</name>
    <message>
        <source>What was sent</source>
        <extracomment>Periods of the page, in days.</extracomment>
        <translation>What was sent</translation>
    </message>
    <message>
        <source>Before anything leaves this computer, NeWork checks where it goes against the privacy policy. This table counts, per day and destination, how many connections were allowed and how many were blocked. Only these counts and the destination names are kept — never what was sent. Days are counted in UTC.</source>
        <translation>Before anything leaves this computer, NeWork checks where it goes against the privacy policy. This table counts, per day and destination, how many connections were allowed and how many were blocked. Only these counts and the destination names are kept — never what was sent. Days are counted in UTC.</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 14 days</source>
        <translation>Last 14 days</translation>
    </message>
    <message>
        <source>Last 31 days</source>
        <translation>Last 31 days</translation>
    </message>
    <message>
        <source>Period shown</source>
        <translation>Period shown</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Refresh the list of what was sent</source>
        <translation>Refresh the list of what was sent</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>Belongs to</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Allowed</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>Why blocked</source>
        <translation>Why blocked</translation>
    </message>
    <message>
        <source>Connections per day and destination</source>
        <translation>Connections per day and destination</translation>
    </message>
    <message>
        <source>Nothing was sent or blocked in this period.</source>
        <translation>Nothing was sent or blocked in this period.</translation>
    </message>
    <message>
        <source>Recently blocked</source>
        <translation>Recently blocked</translation>
    </message>
    <message>
        <source>The latest connections the app refused since it was started.</source>
        <translation>The latest connections the app refused since it was started.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Recently blocked connections</source>
        <translation>Recently blocked connections</translation>
    </message>
    <message>
        <source>Nothing was blocked since NeWork started.</source>
        <translation>Nothing was blocked since NeWork started.</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>None yet.</translation>
    </message>
    <message>
        <source>{name} (smartphone apps only)</source>
        <translation>{name} (smartphone apps only)</translation>
    </message>
    <message>
        <source>NeWork service</source>
        <translation>NeWork service</translation>
    </message>
    <message>
        <source>Not in the privacy policy</source>
        <translation>Not in the privacy policy</translation>
    </message>
    <message>
        <source>before you agreed to the policy</source>
        <translation>before you agreed to the policy</translation>
    </message>
    <message>
        <source>you switched it off</source>
        <translation>you switched it off</translation>
    </message>
    <message>
        <source>not named in the privacy policy</source>
        <translation>not named in the privacy policy</translation>
    </message>
    <message>
        <source>not part of the desktop app</source>
        <translation>not part of the desktop app</translation>
    </message>
    <message>
        <source>not an internet address the app may use</source>
        <translation>not an internet address the app may use</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings — NeWork</source>
        <extracomment>The language combo&apos;s value for &quot;follow the system&quot;. The language picked: &quot;ja&quot;, &quot;en&quot; or &quot;&quot; (the system&apos;s). The module choices just recorded.</extracomment>
        <translation>Settings — NeWork</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The language of NeWork&apos;s windows; kept for the next start</source>
        <translation>The language of NeWork&apos;s windows; kept for the next start</translation>
    </message>
    <message>
        <source>Collection modules</source>
        <translation>Collection modules</translation>
    </message>
    <message>
        <source>A module you switch off gets nothing more from this app, and its cookies are deleted. Your choice is added to your consent record.</source>
        <translation>A module you switch off gets nothing more from this app, and its cookies are deleted. Your choice is added to your consent record.</translation>
    </message>
    <message>
        <source>Allow {0} in this app</source>
        <translation>Allow {0} in this app</translation>
    </message>
    <message>
        <source>When off, nothing is sent to {0} from this app.</source>
        <translation>When off, nothing is sent to {0} from this app.</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Signs you out on this computer; NeWork then asks you to sign in again</source>
        <translation>Signs you out on this computer; NeWork then asks you to sign in again</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Not signed in.</translation>
    </message>
    <message>
        <source>Signed in as {email} ({provider}).</source>
        <translation>Signed in as {email} ({provider}).</translation>
    </message>
</context>
<context>
    <name>StartupErrors</name>
    <message>
        <source>NeWork cannot start</source>
        <translation>NeWork cannot start</translation>
    </message>
    <message>
        <source>NeWork cannot save its data on this computer, so nothing was recorded. Check that the disk is not full and that you may write to the folder below, then start NeWork again.</source>
        <translation>NeWork cannot save its data on this computer, so nothing was recorded. Check that the disk is not full and that you may write to the folder below, then start NeWork again.</translation>
    </message>
</context>
<context>
    <name>SummaryPane</name>
    <message>
        <source>What we collect</source>
        <translation>What we collect</translation>
    </message>
    <message>
        <source>A summary of Article 2. The full text is what you agree to; if the two differ, the full text applies.</source>
        <translation>A summary of Article 2. The full text is what you agree to; if the two differ, the full text applies.</translation>
    </message>
    <message>
        <source>Summary of the information collected, and the collection modules</source>
        <translation>Summary of the information collected, and the collection modules</translation>
    </message>
    <message>
        <source>Information collected (Article 2)</source>
        <translation>Information collected (Article 2)</translation>
    </message>
    <message>
        <source>One row per purpose: information, purpose, how it is collected, plans</source>
        <translation>One row per purpose: information, purpose, how it is collected, plans</translation>
    </message>
    <message>
        <source>Collection modules</source>
        <translation>Collection modules</translation>
    </message>
    <message>
        <source>Third-party programs that collect usage data (Article 2-2). Switch a module off below, next to Agree, to keep this app from sending anything to it.</source>
        <translation>Third-party programs that collect usage data (Article 2-2). Switch a module off below, next to Agree, to keep this app from sending anything to it.</translation>
    </message>
    <message>
        <source>Third-party programs that collect usage data (Article 2-2). Uncheck a module to keep this app from sending anything to it.</source>
        <translation type="vanished">Third-party programs that collect usage data (Article 2-2). Uncheck a module to keep this app from sending anything to it.</translation>
    </message>
</context>
<context>
    <name>WipeDialogs</name>
    <message>
        <source>Uninstall NeWork</source>
        <translation>Uninstall NeWork</translation>
    </message>
    <message>
        <source>NeWork will delete all of its data on this computer, move the app to the Trash and quit. Your account on the NeWork service is not deleted.</source>
        <translation>NeWork will delete all of its data on this computer, move the app to the Trash and quit. Your account on the NeWork service is not deleted.</translation>
    </message>
    <message>
        <source>Uninstall</source>
        <translation>Uninstall</translation>
    </message>
    <message>
        <source>Delete all local data</source>
        <translation>Delete all local data</translation>
    </message>
    <message>
        <source>NeWork will delete all of its data on this computer (consent record, sign-in, settings, web data, logs) and start again from the beginning. Your account on the NeWork service is not deleted.</source>
        <translation>NeWork will delete all of its data on this computer (consent record, sign-in, settings, web data, logs) and start again from the beginning. Your account on the NeWork service is not deleted.</translation>
    </message>
    <message>
        <source>Delete everything</source>
        <translation>Delete everything</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>This cannot be undone.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Folders that will be deleted:</source>
        <translation>Folders that will be deleted:</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <source>Withdrawing your consent stops your use of NeWork on this computer. The app will ask for your consent again.</source>
        <translation>Withdrawing your consent stops your use of NeWork on this computer. The app will ask for your consent again.</translation>
    </message>
    <message>
        <source>Nothing more is collected or sent. Your data on this computer stays until you delete it.</source>
        <translation>Nothing more is collected or sent. Your data on this computer stays until you delete it.</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <comment>button</comment>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <source>All of NeWork&apos;s data on this computer was deleted. To use NeWork again, read the privacy policy and agree.</source>
        <translation>All of NeWork&apos;s data on this computer was deleted. To use NeWork again, read the privacy policy and agree.</translation>
    </message>
    <message>
        <source>remains: {path}</source>
        <translation>remains: {path}</translation>
    </message>
    <message>
        <source>Withdrawing your consent stops your use of NeWork on this computer. The app will ask for your consent again. Continue?</source>
        <translation type="vanished">Withdrawing your consent stops your use of NeWork on this computer. The app will ask for your consent again. Continue?</translation>
    </message>
    <message>
        <source>Some data could not be deleted</source>
        <translation>Some data could not be deleted</translation>
    </message>
    <message>
        <source>NeWork could not delete everything. Close other programs that may use these files and try again; the next attempt finishes the job.</source>
        <translation>NeWork could not delete everything. Close other programs that may use these files and try again; the next attempt finishes the job.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>NeWork workspace</source>
        <extracomment>Seconds between writes of the transmission log while the workspace is open. Chromium&apos;s net::ERR_BLOCKED_BY_CLIENT: an interceptor refused the request. Chromium&apos;s net::ERR_ABORTED: a load replaced by another, or a refused navigation. True when a page of the service is shown, False when the error page is.</extracomment>
        <translation>NeWork workspace</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="vanished">Try again</translation>
    </message>
    <message>
        <source>Developer Tools</source>
        <translation>Developer Tools</translation>
    </message>
    <message>
        <source>The server answered with status %1.</source>
        <translation>The server answered with status %1.</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <translation>Error code: %1</translation>
    </message>
    <message>
        <source>NeWork cannot be reached</source>
        <translation type="vanished">NeWork cannot be reached</translation>
    </message>
    <message>
        <source>NeWork is having a problem</source>
        <translation type="vanished">NeWork is having a problem</translation>
    </message>
    <message>
        <source>This address is not allowed</source>
        <translation type="vanished">This address is not allowed</translation>
    </message>
    <message>
        <source>The connection is not secure</source>
        <translation type="vanished">The connection is not secure</translation>
    </message>
    <message>
        <source>The workspace stopped</source>
        <translation type="vanished">The workspace stopped</translation>
    </message>
    <message>
        <source>Check your internet connection, then try again. Your data on this computer is not affected.</source>
        <translation type="vanished">Check your internet connection, then try again. Your data on this computer is not affected.</translation>
    </message>
    <message>
        <source>The NeWork service could not show your workspace right now. Please try again in a moment.</source>
        <translation type="vanished">The NeWork service could not show your workspace right now. Please try again in a moment.</translation>
    </message>
    <message>
        <source>The app&apos;s privacy rules do not allow opening this address. You can review your choices in the privacy center.</source>
        <translation type="vanished">The app&apos;s privacy rules do not allow opening this address. You can review your choices in the privacy center.</translation>
    </message>
    <message>
        <source>The workspace opens after you agree to the privacy policy.</source>
        <translation type="vanished">The workspace opens after you agree to the privacy policy.</translation>
    </message>
    <message>
        <source>The identity of the NeWork server could not be verified, so the workspace was not opened. Check the date and time of this computer, then try again.</source>
        <translation type="vanished">The identity of the NeWork server could not be verified, so the workspace was not opened. Check the date and time of this computer, then try again.</translation>
    </message>
    <message>
        <source>The workspace stopped unexpectedly. Try again to reopen it.</source>
        <translation type="vanished">The workspace stopped unexpectedly. Try again to reopen it.</translation>
    </message>
    <message>
        <source>Save download</source>
        <translation>Save download</translation>
    </message>
    <message>
        <source>%1 wants to use your camera.</source>
        <translation>%1 wants to use your camera.</translation>
    </message>
    <message>
        <source>%1 wants to use your microphone.</source>
        <translation>%1 wants to use your microphone.</translation>
    </message>
    <message>
        <source>%1 wants to use your camera and microphone.</source>
        <translation>%1 wants to use your camera and microphone.</translation>
    </message>
    <message>
        <source>Camera and microphone</source>
        <translation>Camera and microphone</translation>
    </message>
    <message>
        <source>Your answer is remembered for this site.</source>
        <translation>Your answer is remembered for this site.</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Allow</translation>
    </message>
    <message>
        <source>Don&apos;t Allow</source>
        <translation>Don&apos;t Allow</translation>
    </message>
    <message>
        <source>NeWork Developer Tools</source>
        <translation>NeWork Developer Tools</translation>
    </message>
</context>
<context>
    <name>box</name>
    <message>
        <source>Uninstall NeWork</source>
        <translation type="vanished">Uninstall NeWork</translation>
    </message>
    <message>
        <source>NeWork will delete all of its data on this computer, move the app to the Trash and quit. Your account on the NeWork service is not deleted.</source>
        <translation type="vanished">NeWork will delete all of its data on this computer, move the app to the Trash and quit. Your account on the NeWork service is not deleted.</translation>
    </message>
    <message>
        <source>Delete all local data</source>
        <translation type="vanished">Delete all local data</translation>
    </message>
    <message>
        <source>NeWork will delete all of its data on this computer (consent record, sign-in, settings, web data, logs) and start again from the beginning. Your account on the NeWork service is not deleted.</source>
        <translation type="vanished">NeWork will delete all of its data on this computer (consent record, sign-in, settings, web data, logs) and start again from the beginning. Your account on the NeWork service is not deleted.</translation>
    </message>
    <message>
        <source>Some data could not be deleted</source>
        <translation type="vanished">Some data could not be deleted</translation>
    </message>
    <message>
        <source>NeWork could not delete everything. Close other programs that may use these files and try again; the next attempt finishes the job.</source>
        <translation type="vanished">NeWork could not delete everything. Close other programs that may use these files and try again; the next attempt finishes the job.</translation>
    </message>
</context>
</TS>
