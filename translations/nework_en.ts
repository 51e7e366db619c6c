<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
    <message>
        <source>NeWork — Privacy policy</source>
        <translation>NeWork — Privacy policy</translation>
    </message>
    <message>
        <source>The NeWork privacy policy has changed</source>
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
        <source>Information</source>
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
        <source>Third-party programs that collect usage data (Article 2-2). Uncheck a module to keep this app from sending anything to it.</source>
        <translation>Third-party programs that collect usage data (Article 2-2). Uncheck a module to keep this app from sending anything to it.</translation>
    </message>
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
    <message>
        <source>Decline (quit)</source>
        <translation>Decline (quit)</translation>
    </message>
    <message>
        <source>Decline and quit NeWork</source>
        <translation>Decline and quit NeWork</translation>
    </message>
    <message>
        <source>Closes NeWork without saving anything</source>
        <translation>Closes NeWork without saving anything</translation>
    </message>
    <message>
        <source>Agree and start</source>
        <translation>Agree and start</translation>
    </message>
    <message>
        <source>Agree to the privacy policy and start</source>
        <translation>Agree to the privacy policy and start</translation>
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
    <name>MainWindow</name>
    <message>
        <source>&amp;NeWork</source>
        <translation>&amp;NeWork</translation>
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
        <source>&amp;About NeWork</source>
        <translation>&amp;About NeWork</translation>
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
        <source>Withdraw consent…</source>
        <translation>Withdraw consent…</translation>
    </message>
    <message>
        <source>Withdraw consent and stop using NeWork</source>
        <translation>Withdraw consent and stop using NeWork</translation>
    </message>
    <message>
        <source>View the updated privacy policy</source>
        <translation>View the updated privacy policy</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Dismiss the policy update notice</source>
        <translation>Dismiss the policy update notice</translation>
    </message>
    <message>
        <source>The privacy policy was updated ({dates}). The changes are minor.</source>
        <translation>The privacy policy was updated ({dates}). The changes are minor.</translation>
    </message>
    <message>
        <source>You agreed to the privacy policy version {version} on {date} ({language}).</source>
        <translation>You agreed to the privacy policy version {version} on {date} ({language}).</translation>
    </message>
    <message>
        <source>Consent status</source>
        <translation>Consent status</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <source>Withdrawing your consent stops your use of NeWork on this computer. The app will ask for your consent again. Continue?</source>
        <translation>Withdrawing your consent stops your use of NeWork on this computer. The app will ask for your consent again. Continue?</translation>
    </message>
    <message>
        <source>About NeWork</source>
        <translation>About NeWork</translation>
    </message>
    <message>
        <source>NeWork Desktop {version}</source>
        <translation>NeWork Desktop {version}</translation>
    </message>
</context>
<context>
    <name>ModuleCard</name>
    <message>
        <source>Provider: {0}</source>
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
        <source>Uses cookies. You can switch it off here now, or later in the privacy center.</source>
        <translation>Uses cookies. You can switch it off here now, or later in the privacy center.</translation>
    </message>
    <message>
        <source>You can switch it off here now, or later in the privacy center.</source>
        <translation>You can switch it off here now, or later in the privacy center.</translation>
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
        <translation>Allow {0} to collect usage data</translation>
    </message>
    <message>
        <source>When unchecked, nothing is sent to {0} from this app.</source>
        <translation>When unchecked, nothing is sent to {0} from this app.</translation>
    </message>
</context>
<context>
    <name>PolicyViewer</name>
    <message>
        <source>Privacy policy text</source>
        <translation>Privacy policy text</translation>
    </message>
</context>
</TS>
