<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Records your consent to this privacy policy and starts NeWork</source>
        <translation>本プライバシーポリシーへの同意を記録し、NeWork を開始します</translation>
    </message>
    <message>
        <source>Please read to the end</source>
        <translation>最後までお読みください</translation>
    </message>
    <message>
        <source>{0}: Agree becomes available once you reach the end of the text.</source>
        <translation>{0}。本文の最後まで進むと「同意して開始」を押せるようになります。</translation>
    </message>
    <message>
        <source>Unavailable until the text has been read to the end</source>
        <translation>本文を最後までお読みいただくまで押せません</translation>
    </message>
    <message>
        <source>You agreed to the version effective {0}. The privacy policy has changed since then, so NeWork asks for your consent again.</source>
        <translation>お客様は{0}から実施の版に同意されています。その後プライバシーポリシーが改定されたため、あらためて同意をお願いしています。</translation>
    </message>
    <message>
        <source>Revisions since then</source>
        <translation>その後の改定</translation>
    </message>
    <message>
        <source>Effective {0} (announced {1})</source>
        <translation>{0}から実施（{1}付）</translation>
    </message>
    <message>
        <source>About this version</source>
        <translation>この版について</translation>
    </message>
    <message>
        <source>NeWork — Privacy policy</source>
        <translation>NeWork — プライバシーポリシー</translation>
    </message>
    <message>
        <source>The NeWork privacy policy has changed</source>
        <translation>NeWork のプライバシーポリシーが改定されました</translation>
    </message>
    <message>
        <source>Before you start NeWork, please read its privacy policy</source>
        <translation>NeWork をご利用いただく前に、プライバシーポリシーをお読みください</translation>
    </message>
    <message>
        <source>{0} — {1}, effective {2}</source>
        <translation>{0} — {1}、{2}から実施</translation>
    </message>
    <message>
        <source>This is a translation; the Japanese text prevails.</source>
        <translation>これは翻訳です。日本語の原文が優先します。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Shows the privacy policy and this window in another language</source>
        <translation>プライバシーポリシーとこの画面を別の言語で表示します</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>変更点</translation>
    </message>
    <message>
        <source>Summary of the changes to the privacy policy since you last agreed</source>
        <translation>前回の同意以降のプライバシーポリシーの変更の概要</translation>
    </message>
    <message>
        <source>Continue to the full text</source>
        <translation>全文へ進む</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>目次(&amp;C)</translation>
    </message>
    <message>
        <source>Table of contents</source>
        <translation>目次</translation>
    </message>
    <message>
        <source>Choose an article to jump to it in the text</source>
        <translation>条を選ぶと本文の該当箇所へ移動します</translation>
    </message>
    <message>
        <source>Full &amp;text</source>
        <translation>全文(&amp;T)</translation>
    </message>
    <message>
        <source>Privacy policy, full text</source>
        <translation>プライバシーポリシー全文</translation>
    </message>
    <message>
        <source>Read to the end to enable Agree. Page Down and End scroll the text.</source>
        <translation>最後までお読みいただくと「同意して開始」を押せるようになります。Page Down キーと End キーで本文をスクロールできます。</translation>
    </message>
    <message>
        <source>Read: %p %</source>
        <translation>既読 %p %</translation>
    </message>
    <message>
        <source>Reading progress</source>
        <translation>読み進めた割合</translation>
    </message>
    <message>
        <source>What we collect</source>
        <translation>取得する情報</translation>
    </message>
    <message>
        <source>A summary of Article 2. The full text is what you agree to; if the two differ, the full text applies.</source>
        <translation>第２条の要約です。同意の対象は全文であり、両者が異なる場合は全文が適用されます。</translation>
    </message>
    <message>
        <source>Summary of the information collected, and the collection modules</source>
        <translation>取得する利用者情報と情報収集モジュールの要約</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>利用者情報</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>利用目的</translation>
    </message>
    <message>
        <source>How it is collected</source>
        <translation>取得方法</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>対象プラン</translation>
    </message>
    <message>
        <source>All plans</source>
        <translation>全プラン</translation>
    </message>
    <message>
        <source>Enterprise only</source>
        <translation>Enterprise プランのみ</translation>
    </message>
    <message>
        <source>Information collected (Article 2)</source>
        <translation>取得する利用者情報（第２条）</translation>
    </message>
    <message>
        <source>One row per purpose: information, purpose, how it is collected, plans</source>
        <translation>利用目的ごとに１行：利用者情報、利用目的、取得方法、対象プラン</translation>
    </message>
    <message>
        <source>Collection modules</source>
        <translation>情報収集モジュール</translation>
    </message>
    <message>
        <source>Third-party programs that collect usage data (Article 2-2). Uncheck a module to keep this app from sending anything to it.</source>
        <translation>利用状況を取得する第三者のプログラムです（第２条２項）。チェックを外すと、このアプリからそのモジュールへは何も送信されません。</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>関連文書:</translation>
    </message>
    <message>
        <source>Company privacy policy</source>
        <translation>個人情報保護方針</translation>
    </message>
    <message>
        <source>Terms of use</source>
        <translation>利用規約</translation>
    </message>
    <message>
        <source>This policy (latest, PDF)</source>
        <translation>本ポリシー（最新版・PDF）</translation>
    </message>
    <message>
        <source>Contact form</source>
        <translation>お問い合わせフォーム</translation>
    </message>
    <message>
        <source>Opens {0} in your web browser</source>
        <translation>{0} をウェブブラウザーで開きます</translation>
    </message>
    <message>
        <source>Decline (quit)</source>
        <translation>同意しない（終了）</translation>
    </message>
    <message>
        <source>Decline and quit NeWork</source>
        <translation>同意せずに NeWork を終了</translation>
    </message>
    <message>
        <source>Closes NeWork without saving anything</source>
        <translation>何も保存せずに NeWork を終了します</translation>
    </message>
    <message>
        <source>Agree and start</source>
        <translation>同意して開始</translation>
    </message>
    <message>
        <source>Agree to the privacy policy and start</source>
        <translation>プライバシーポリシーに同意して開始</translation>
    </message>
    <message>
        <source>Decline the privacy policy?</source>
        <translation>プライバシーポリシーに同意しませんか？</translation>
    </message>
    <message>
        <source>NeWork will close. Decline?</source>
        <translation>NeWork を終了します。同意しないでよろしいですか？</translation>
    </message>
    <message>
        <source>Nothing has been saved. You can start NeWork again at any time.</source>
        <translation>何も保存されていません。NeWork はいつでも再び起動できます。</translation>
    </message>
    <message>
        <source>Keep reading</source>
        <translation>読み続ける</translation>
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
        <translation>NeWork を終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Privacy</source>
        <translation>プライバシー(&amp;P)</translation>
    </message>
    <message>
        <source>View &amp;policy</source>
        <translation>プライバシーポリシーを表示(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Withdraw consent…</source>
        <translation>同意を撤回(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About NeWork</source>
        <translation>NeWork について(&amp;A)</translation>
    </message>
    <message>
        <source>View policy</source>
        <translation>ポリシーを表示</translation>
    </message>
    <message>
        <source>View the privacy policy</source>
        <translation>プライバシーポリシーを表示</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>同意を撤回…</translation>
    </message>
    <message>
        <source>Withdraw consent and stop using NeWork</source>
        <translation>同意を撤回して NeWork の利用を停止</translation>
    </message>
    <message>
        <source>View the updated privacy policy</source>
        <translation>改定されたプライバシーポリシーを表示</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Dismiss the policy update notice</source>
        <translation>プライバシーポリシー改定のお知らせを閉じる</translation>
    </message>
    <message>
        <source>The privacy policy was updated ({dates}). The changes are minor.</source>
        <translation>プライバシーポリシーが改定されました（{dates}）。軽微な変更です。</translation>
    </message>
    <message>
        <source>You agreed to the privacy policy version {version} on {date} ({language}).</source>
        <translation>{date}にプライバシーポリシー（版 {version}、{language}）に同意しました。</translation>
    </message>
    <message>
        <source>Consent status</source>
        <translation>同意の状況</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>同意の撤回</translation>
    </message>
    <message>
        <source>Withdrawing your consent stops your use of NeWork on this computer. The app will ask for your consent again. Continue?</source>
        <translation>同意を撤回すると、このコンピューターで NeWork を利用できなくなります。アプリは再び同意を求めます。続けますか？</translation>
    </message>
    <message>
        <source>About NeWork</source>
        <translation>NeWork について</translation>
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
        <translation>提供者：{0}</translation>
    </message>
    <message>
        <source>What it collects: {0}</source>
        <translation>取得する情報：{0}</translation>
    </message>
    <message>
        <source>Purpose: {0}</source>
        <translation>利用目的：{0}</translation>
    </message>
    <message>
        <source>Used only by the smartphone apps; not part of the desktop app. Nothing is sent to it from this computer.</source>
        <translation>スマートフォンアプリでのみ使用され、デスクトップアプリには含まれていません。このコンピューターからは何も送信されません。</translation>
    </message>
    <message>
        <source>This module cannot be switched off.</source>
        <translation>このモジュールはオフにできません。</translation>
    </message>
    <message>
        <source>Uses cookies. You can switch it off here now, or later in the privacy center.</source>
        <translation>クッキーを使用します。ここで、または後からプライバシーセンターでオフにできます。</translation>
    </message>
    <message>
        <source>You can switch it off here now, or later in the privacy center.</source>
        <translation>ここで、または後からプライバシーセンターでオフにできます。</translation>
    </message>
    <message>
        <source>Opt-out page</source>
        <translation>オプトアウトのページ</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>Opens {0} in your web browser</source>
        <translation>{0} をウェブブラウザーで開きます</translation>
    </message>
    <message>
        <source>Allow {0} in this app</source>
        <translation>このアプリで {0} を許可する</translation>
    </message>
    <message>
        <source>Allow {0} to collect usage data</source>
        <translation>{0} による利用状況の取得を許可する</translation>
    </message>
    <message>
        <source>When unchecked, nothing is sent to {0} from this app.</source>
        <translation>チェックを外すと、このアプリから {0} へは何も送信されません。</translation>
    </message>
</context>
<context>
    <name>PolicyViewer</name>
    <message>
        <source>Privacy policy text</source>
        <translation>プライバシーポリシー本文</translation>
    </message>
</context>
</TS>
